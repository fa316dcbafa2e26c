namespace ChargePortal.Ocpp.V201;

/// <summary>Class to report components, variables and variable attributes and characteristics.</summary>
public sealed record ReportData
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }

    public required IReadOnlyList<VariableAttribute> VariableAttribute { get; init; }

    /// <summary>Fixed read-only parameters of a variable.</summary>
    public VariableCharacteristics? VariableCharacteristics { get; init; }
}
