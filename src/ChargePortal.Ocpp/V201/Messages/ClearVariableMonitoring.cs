namespace ChargePortal.Ocpp.V201;

/// <summary>ClearVariableMonitoring request, sent by the CSMS.</summary>
public sealed record ClearVariableMonitoringRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>List of the monitors to be cleared, identified by there Id.</summary>
    public required IReadOnlyList<int> Id { get; init; }
}

/// <summary>Response to ClearVariableMonitoring.</summary>
public sealed record ClearVariableMonitoringResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<ClearMonitoringResult> ClearMonitoringResult { get; init; }
}
