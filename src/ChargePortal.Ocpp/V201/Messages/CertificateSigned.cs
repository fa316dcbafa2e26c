namespace ChargePortal.Ocpp.V201;

/// <summary>CertificateSigned request, sent by the CSMS.</summary>
public sealed record CertificateSignedRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The signed PEM encoded X.509 certificate. This can also contain the necessary sub CA certificates. In that case, the order of the bundle should follow the certificate chain, starting from the leaf certificate. The Configuration Variable MaxCertificateChainSize can be used to limit the maximum size …</summary>
    public required string CertificateChain { get; init; }

    /// <summary>Indicates the type of the signed certificate that is returned. When omitted the certificate is used for both the 15118 connection (if implemented) and the Charging Station to CSMS connection. This field is required when a typeOfCertificate was included in the SignCertificateRequest that requested …</summary>
    public CertificateSigningUseEnum? CertificateType { get; init; }
}

/// <summary>Response to CertificateSigned.</summary>
public sealed record CertificateSignedResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Returns whether certificate signing has been accepted, otherwise rejected.</summary>
    public required CertificateSignedStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
