using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>
/// The certificate authority that signs stations' ChargingStationCertificate CSRs (A02/A03, 1.6 Security Whitepaper
/// "Update Charge Point certificate"). The key and certificate are the operator's files, never part of the repository;
/// the key may be an encrypted PKCS#8 PEM, opened with <see cref="KeyPassword"/> (a secret: user secrets or the
/// environment). Without a certificate and key, signing requests are refused.
/// </summary>
public sealed class StationCaOptions
{
    public const string Section = "StationCa";

    /// <summary>PEM file of the issuing CA's certificate (and, after it, any intermediates up to the root, sent in the chain).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM file of the issuing CA's private key (PKCS#8, PKCS#1 or SEC1; encrypted PKCS#8 with <see cref="KeyPassword"/>).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of an encrypted key file.</summary>
    public string? KeyPassword { get; set; }

    /// <summary>
    /// The charging station operator's organisation name: a CSR's subject O must be it (A00.FR.509, SecurityCtrlr.OrganizationName).
    /// Empty means the O of the CA's own certificate.
    /// </summary>
    public string? OrganizationName { get; set; }

    /// <summary>How long a signed station certificate is valid (never past the CA's own expiry).</summary>
    [Range(1, 3650)]
    public int CertificateValidityDays { get; set; } = 365;

    /// <summary>An alert is raised when a certificate the CSMS issued to a station expires within this many days.</summary>
    [Range(0, 3650)]
    public int ExpiryWarningDays { get; set; } = 30;

    /// <summary>How often certificate expiry is checked.</summary>
    [Range(1, 1440)]
    public int ExpiryCheckMinutes { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath) && !string.IsNullOrWhiteSpace(KeyPath);
}
