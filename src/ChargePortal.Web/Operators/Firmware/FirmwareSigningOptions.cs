using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>
/// The CSMS's firmware signing certificate (OCPP 2.0.1 L01, 1.6 Security Whitepaper "Signed firmware update"): a
/// certificate and key the operator provides (never part of the repository; an encrypted PKCS#8 key is opened with
/// <see cref="KeyPassword"/>), or, in Development only, one generated at start. With one, every firmware update is
/// signed: by the signature the operator gives, or by one the CSMS computes over the image at the update's location.
/// </summary>
public sealed class FirmwareSigningOptions : IValidatableObject
{
    public const string Section = "FirmwareSigning";

    /// <summary>PEM file of the firmware signing certificate (sent to stations as signingCertificate).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM file of its private key (RSA: RSA-PSS/SHA-256 signatures; EC: ECDSA/SHA-256).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of an encrypted key file (a secret: user secrets or the environment).</summary>
    public string? KeyPassword { get; set; }

    /// <summary>Generate a throw-away signing certificate at start (Development and tests only; refused elsewhere).</summary>
    public bool GenerateDevelopmentCertificate { get; set; }

    /// <summary>The largest image the CSMS downloads to sign.</summary>
    [Range(1, 4096)]
    public int MaxImageMegabytes { get; set; } = 512;

    /// <summary>How long downloading an image to sign may take.</summary>
    [Range(5, 3600)]
    public int DownloadTimeoutSeconds { get; set; } = 300;

    public bool HasFiles => !string.IsNullOrWhiteSpace(CertificatePath) && !string.IsNullOrWhiteSpace(KeyPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(CertificatePath) != string.IsNullOrWhiteSpace(KeyPath))
        {
            yield return new ValidationResult("give both the certificate and its key.", [nameof(CertificatePath), nameof(KeyPath)]);
        }

        foreach (var (name, path) in new[] { (nameof(CertificatePath), CertificatePath), (nameof(KeyPath), KeyPath) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                yield return new ValidationResult($"names no file: \"{path}\".", [name]);
            }
        }

        if (HasFiles && GenerateDevelopmentCertificate)
        {
            yield return new ValidationResult("a certificate is configured: do not also ask for a generated one.", [nameof(GenerateDevelopmentCertificate)]);
        }
    }
}
