namespace ChargePortal.Ocpp.V201;

/// <summary>Class to hold parameters of SetVariableMonitoring request.</summary>
public sealed record MonitoringData
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }

    public required IReadOnlyList<VariableMonitoring> VariableMonitoring { get; init; }
}
