namespace ChargePortal.Ocpp.V201;

/// <summary>OCPP 2.0.1 CertificateHashDataChainType.</summary>
public sealed record CertificateHashDataChain
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required CertificateHashData CertificateHashData { get; init; }

    /// <summary>Indicates the type of the requested certificate(s).</summary>
    public required GetCertificateIdUseEnum CertificateType { get; init; }

    public IReadOnlyList<CertificateHashData>? ChildCertificateHashData { get; init; }
}
