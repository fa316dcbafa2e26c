namespace ChargePortal.Ocpp.V16;

/// <summary>Identifies an installed certificate by its issuer hashes and serial (Security Whitepaper CertificateHashDataType).</summary>
public sealed record CertificateHashData
{
    public required HashAlgorithm HashAlgorithm { get; init; }

    public required string IssuerNameHash { get; init; }

    public required string IssuerKeyHash { get; init; }

    public required string SerialNumber { get; init; }
}
