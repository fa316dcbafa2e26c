namespace ChargePortal.Ocpp.V16;

/// <summary>SignCertificate request (Security Whitepaper), sent by the Charge Point with a PEM PKCS#10 CSR.</summary>
public sealed record SignCertificateRequest
{
    public required string Csr { get; init; }
}

/// <summary>Response to SignCertificate.</summary>
public sealed record SignCertificateResponse
{
    public required GenericStatus Status { get; init; }
}
