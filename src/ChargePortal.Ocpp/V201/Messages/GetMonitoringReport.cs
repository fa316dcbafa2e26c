namespace ChargePortal.Ocpp.V201;

/// <summary>GetMonitoringReport request, sent by the CSMS.</summary>
public sealed record GetMonitoringReportRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public IReadOnlyList<ComponentVariable>? ComponentVariable { get; init; }

    /// <summary>The Id of the request.</summary>
    public required int RequestId { get; init; }

    /// <summary>This field contains criteria for components for which a monitoring report is requested</summary>
    public IReadOnlyList<MonitoringCriterionEnum>? MonitoringCriteria { get; init; }
}

/// <summary>Response to GetMonitoringReport.</summary>
public sealed record GetMonitoringReportResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This field indicates whether the Charging Station was able to accept the request.</summary>
    public required GenericDeviceModelStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
