namespace ChargePortal.Ocpp.V16;

/// <summary>InstallCertificate request (Security Whitepaper), sent by the Central System with a PEM root certificate.</summary>
public sealed record InstallCertificateRequest
{
    public required CertificateUse CertificateType { get; init; }

    public required string Certificate { get; init; }
}

/// <summary>Response to InstallCertificate.</summary>
public sealed record InstallCertificateResponse
{
    public required InstallCertificateStatus Status { get; init; }
}
