namespace ChargePortal.Ocpp.V201;

/// <summary>SetVariableMonitoring request, sent by the CSMS.</summary>
public sealed record SetVariableMonitoringRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<SetMonitoringData> SetMonitoringData { get; init; }
}

/// <summary>Response to SetVariableMonitoring.</summary>
public sealed record SetVariableMonitoringResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<SetMonitoringResult> SetMonitoringResult { get; init; }
}
