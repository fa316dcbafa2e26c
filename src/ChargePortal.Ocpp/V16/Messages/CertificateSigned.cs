namespace ChargePortal.Ocpp.V16;

/// <summary>CertificateSigned request (Security Whitepaper), sent by the Central System with the signed PEM chain.</summary>
public sealed record CertificateSignedRequest
{
    public required string CertificateChain { get; init; }
}

/// <summary>Response to CertificateSigned.</summary>
public sealed record CertificateSignedResponse
{
    public required CertificateSignedStatus Status { get; init; }
}
