namespace ChargePortal.Ocpp.V201;

/// <summary>OCPP 2.0.1 SetVariableDataType.</summary>
public sealed record SetVariableData
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Type of attribute: Actual, Target, MinSet, MaxSet. Default is Actual when omitted.</summary>
    public AttributeEnum? AttributeType { get; init; }

    /// <summary>Value to be assigned to attribute of variable. The Configuration Variable ConfigurationValueSize can be used to limit SetVariableData.attributeValue and VariableCharacteristics.valueList. The max size of these values will always remain equal.</summary>
    public required string AttributeValue { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }
}
