namespace ChargePortal.Ocpp.V201;

/// <summary>DeleteCertificate request, sent by the CSMS.</summary>
public sealed record DeleteCertificateRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required CertificateHashData CertificateHashData { get; init; }
}

/// <summary>Response to DeleteCertificate.</summary>
public sealed record DeleteCertificateResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Charging Station indicates if it can process the request.</summary>
    public required DeleteCertificateStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
