namespace ChargePortal.Ocpp.V201;

/// <summary>GetCertificateStatus request, sent by the Charging Station.</summary>
public sealed record GetCertificateStatusRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required OCSPRequestData OcspRequestData { get; init; }
}

/// <summary>Response to GetCertificateStatus.</summary>
public sealed record GetCertificateStatusResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the charging station was able to retrieve the OCSP certificate status.</summary>
    public required GetCertificateStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    /// <summary>OCSPResponse class as defined in IETF RFC 6960. DER encoded (as defined in IETF RFC 6960), and then base64 encoded. MAY only be omitted when status is not Accepted.</summary>
    public string? OcspResult { get; init; }
}
