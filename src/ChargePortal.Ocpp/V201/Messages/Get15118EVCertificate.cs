namespace ChargePortal.Ocpp.V201;

/// <summary>Get15118EVCertificate request, sent by the Charging Station.</summary>
public sealed record Get15118EVCertificateRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Schema version currently used for the 15118 session between EV and Charging Station. Needed for parsing of the EXI stream by the CSMS.</summary>
    public required string Iso15118SchemaVersion { get; init; }

    /// <summary>Defines whether certificate needs to be installed or updated.</summary>
    public required CertificateActionEnum Action { get; init; }

    /// <summary>Raw CertificateInstallationReq request from EV, Base64 encoded.</summary>
    public required string ExiRequest { get; init; }
}

/// <summary>Response to Get15118EVCertificate.</summary>
public sealed record Get15118EVCertificateResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates whether the message was processed properly.</summary>
    public required Iso15118EVCertificateStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    /// <summary>Raw CertificateInstallationRes response for the EV, Base64 encoded.</summary>
    public required string ExiResponse { get; init; }
}
