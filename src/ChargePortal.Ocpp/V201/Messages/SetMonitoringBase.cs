namespace ChargePortal.Ocpp.V201;

/// <summary>SetMonitoringBase request, sent by the CSMS.</summary>
public sealed record SetMonitoringBaseRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Specify which monitoring base will be set</summary>
    public required MonitoringBaseEnum MonitoringBase { get; init; }
}

/// <summary>Response to SetMonitoringBase.</summary>
public sealed record SetMonitoringBaseResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates whether the Charging Station was able to accept the request.</summary>
    public required GenericDeviceModelStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
