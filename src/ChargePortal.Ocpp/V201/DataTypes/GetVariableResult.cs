namespace ChargePortal.Ocpp.V201;

/// <summary>Class to hold results of GetVariables request.</summary>
public sealed record GetVariableResult
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? AttributeStatusInfo { get; init; }

    /// <summary>Result status of getting the variable.</summary>
    public required GetVariableStatusEnum AttributeStatus { get; init; }

    /// <summary>Attribute type for which value is requested. When absent, default Actual is assumed.</summary>
    public AttributeEnum? AttributeType { get; init; }

    /// <summary>Value of requested attribute type of component-variable. This field can only be empty when the given status is NOT accepted. The Configuration Variable ReportingValueSize can be used to limit GetVariableResult.attributeValue, VariableAttribute.value and EventData.actualValue. The max size of these …</summary>
    public string? AttributeValue { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }
}
