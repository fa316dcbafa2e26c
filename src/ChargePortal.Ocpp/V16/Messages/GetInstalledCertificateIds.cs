namespace ChargePortal.Ocpp.V16;

/// <summary>GetInstalledCertificateIds request (Security Whitepaper), sent by the Central System.</summary>
public sealed record GetInstalledCertificateIdsRequest
{
    public required CertificateUse CertificateType { get; init; }
}

/// <summary>Response to GetInstalledCertificateIds.</summary>
public sealed record GetInstalledCertificateIdsResponse
{
    public IReadOnlyList<CertificateHashData>? CertificateHashData { get; init; }

    public required GetInstalledCertificateStatus Status { get; init; }
}
