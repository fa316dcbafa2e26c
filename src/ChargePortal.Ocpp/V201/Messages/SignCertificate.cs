namespace ChargePortal.Ocpp.V201;

/// <summary>SignCertificate request, sent by the Charging Station.</summary>
public sealed record SignCertificateRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The Charging Station SHALL send the public key in form of a Certificate Signing Request (CSR) as described in RFC 2986 [22] and then PEM encoded, using the SignCertificateRequest message.</summary>
    public required string Csr { get; init; }

    /// <summary>Indicates the type of certificate that is to be signed. When omitted the certificate is to be used for both the 15118 connection (if implemented) and the Charging Station to CSMS connection.</summary>
    public CertificateSigningUseEnum? CertificateType { get; init; }
}

/// <summary>Response to SignCertificate.</summary>
public sealed record SignCertificateResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Specifies whether the CSMS can process the request.</summary>
    public required GenericStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
