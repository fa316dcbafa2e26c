namespace ChargePortal.Ocpp.V16;

/// <summary>DeleteCertificate request (Security Whitepaper), sent by the Central System.</summary>
public sealed record DeleteCertificateRequest
{
    public required CertificateHashData CertificateHashData { get; init; }
}

/// <summary>Response to DeleteCertificate.</summary>
public sealed record DeleteCertificateResponse
{
    public required DeleteCertificateStatus Status { get; init; }
}
