namespace ChargePortal.Ocpp.V201;

/// <summary>SetVariables request, sent by the CSMS.</summary>
public sealed record SetVariablesRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<SetVariableData> SetVariableData { get; init; }
}

/// <summary>Response to SetVariables.</summary>
public sealed record SetVariablesResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<SetVariableResult> SetVariableResult { get; init; }
}
