namespace ChargePortal.Ocpp.V201;

/// <summary>GetVariables request, sent by the CSMS.</summary>
public sealed record GetVariablesRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<GetVariableData> GetVariableData { get; init; }
}

/// <summary>Response to GetVariables.</summary>
public sealed record GetVariablesResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<GetVariableResult> GetVariableResult { get; init; }
}
