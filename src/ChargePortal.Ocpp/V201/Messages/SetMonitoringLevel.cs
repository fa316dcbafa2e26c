namespace ChargePortal.Ocpp.V201;

/// <summary>SetMonitoringLevel request, sent by the CSMS.</summary>
public sealed record SetMonitoringLevelRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The Charging Station SHALL only report events with a severity number lower than or equal to this severity. The severity range is 0-9, with 0 as the highest and 9 as the lowest severity level. The severity levels have the following meaning: + *0-Danger* + Indicates lives are potentially in danger. …</summary>
    public required int Severity { get; init; }
}

/// <summary>Response to SetMonitoringLevel.</summary>
public sealed record SetMonitoringLevelResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates whether the Charging Station was able to accept the request.</summary>
    public required GenericStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
