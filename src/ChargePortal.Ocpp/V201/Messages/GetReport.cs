namespace ChargePortal.Ocpp.V201;

/// <summary>GetReport request, sent by the CSMS.</summary>
public sealed record GetReportRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public IReadOnlyList<ComponentVariable>? ComponentVariable { get; init; }

    /// <summary>The Id of the request.</summary>
    public required int RequestId { get; init; }

    /// <summary>This field contains criteria for components for which a report is requested</summary>
    public IReadOnlyList<ComponentCriterionEnum>? ComponentCriteria { get; init; }
}

/// <summary>Response to GetReport.</summary>
public sealed record GetReportResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This field indicates whether the Charging Station was able to accept the request.</summary>
    public required GenericDeviceModelStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
