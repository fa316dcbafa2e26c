using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>What the CSMS does with an ISO 15118 contract whose eMAID has no id token yet.</summary>
public enum UnknownContractPolicy
{
    /// <summary>The eMAID must be registered as an id token first; an unknown one is Unknown (certificateStatus ContractCancelled).</summary>
    Reject,

    /// <summary>A valid contract certificate creates an Accepted id token for its eMAID (the eMSP vouched for it by issuing the contract).</summary>
    Create,
}

/// <summary>
/// ISO 15118 Plug &amp; Charge (OCPP 2.0.1 blocks C07 and M): where contract certificates come from, which contract
/// roots the CSMS trusts, and how long it waits for the PKI. Checked at start: a wrong URL or a missing roots file stops
/// the host with the key named.
/// </summary>
public sealed class PlugAndChargeOptions : IValidatableObject
{
    public const string Section = "PlugAndCharge";

    /// <summary>
    /// The operator's PKI or eMSP endpoint that answers ISO 15118 CertificateInstallationReq/CertificateUpdateReq
    /// (Get15118EVCertificate, M01/M02). Empty: those requests are answered Failed.
    /// </summary>
    public string? ContractCertificateProviderUrl { get; set; }

    /// <summary>Sent to the provider as a Bearer token when set (a secret: user secrets or the environment, never the repository).</summary>
    public string? ContractCertificateProviderApiKey { get; set; }

    /// <summary>ISO 15118-2 gives the EV 5 s for CertificateInstallationRes, so the provider must be quicker than that.</summary>
    [Range(1, 60)]
    public int ProviderTimeoutSeconds { get; set; } = 4;

    /// <summary>How long an OCSP responder may take to answer.</summary>
    [Range(1, 60)]
    public int OcspTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// PEM file of the contract (mobility operator) root certificates a contract certificate chain sent in Authorize
    /// may end at (C07.FR.06), besides the MORootCertificates the CSMS installed on stations.
    /// </summary>
    public string? ContractRootsPath { get; set; }

    public UnknownContractPolicy UnknownContractPolicy { get; set; } = UnknownContractPolicy.Reject;

    /// <summary>
    /// Host names of OCSP responders the CSMS may ask although they are not at a public address (a PKI inside the
    /// operator's network). Stations name the responder: any other host is asked only at a public address.
    /// </summary>
    public IList<string> OcspResponderHosts { get; } = [];

    public Uri? ProviderUri => string.IsNullOrWhiteSpace(ContractCertificateProviderUrl) ? null : new Uri(ContractCertificateProviderUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ContractCertificateProviderUrl)
            && (!Uri.TryCreate(ContractCertificateProviderUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult($"must be an absolute http or https URL, not \"{ContractCertificateProviderUrl}\".", [nameof(ContractCertificateProviderUrl)]);
        }

        foreach (var host in OcspResponderHosts.Where(h => !string.IsNullOrWhiteSpace(h) && Uri.CheckHostName(h.Trim()) == UriHostNameType.Unknown))
        {
            yield return new ValidationResult($"must list host names or IP addresses only (no scheme, port or path), not \"{host}\".", [nameof(OcspResponderHosts)]);
        }

        if (!string.IsNullOrWhiteSpace(ContractRootsPath) && !File.Exists(ContractRootsPath))
        {
            yield return new ValidationResult($"names no file: \"{ContractRootsPath}\".", [nameof(ContractRootsPath)]);
        }
    }
}
