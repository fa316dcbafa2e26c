namespace ChargePortal.Ocpp.V201;

/// <summary>GetBaseReport request, sent by the CSMS.</summary>
public sealed record GetBaseReportRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The Id of the request.</summary>
    public required int RequestId { get; init; }

    /// <summary>This field specifies the report base.</summary>
    public required ReportBaseEnum ReportBase { get; init; }
}

/// <summary>Response to GetBaseReport.</summary>
public sealed record GetBaseReportResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the Charging Station is able to accept this request.</summary>
    public required GenericDeviceModelStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
