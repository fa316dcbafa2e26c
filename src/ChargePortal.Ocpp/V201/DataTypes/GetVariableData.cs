namespace ChargePortal.Ocpp.V201;

/// <summary>Class to hold parameters for GetVariables request.</summary>
public sealed record GetVariableData
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Attribute type for which value is requested. When absent, default Actual is assumed.</summary>
    public AttributeEnum? AttributeType { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }
}
