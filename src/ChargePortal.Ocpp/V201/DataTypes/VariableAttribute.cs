namespace ChargePortal.Ocpp.V201;

/// <summary>Attribute data of a variable.</summary>
public sealed record VariableAttribute
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Attribute: Actual, MinSet, MaxSet, etc. Defaults to Actual if absent.</summary>
    public AttributeEnum? Type { get; init; }

    /// <summary>Value of the attribute. May only be omitted when mutability is set to 'WriteOnly'. The Configuration Variable ReportingValueSize can be used to limit GetVariableResult.attributeValue, VariableAttribute.value and EventData.actualValue. The max size of these values will always remain equal.</summary>
    public string? Value { get; init; }

    /// <summary>Defines the mutability of this attribute. Default is ReadWrite when omitted.</summary>
    public MutabilityEnum? Mutability { get; init; }

    /// <summary>If true, value will be persistent across system reboots or power down. Default when omitted is false.</summary>
    public bool? Persistent { get; init; }

    /// <summary>If true, value that will never be changed by the Charging Station at runtime. Default when omitted is false.</summary>
    public bool? Constant { get; init; }
}
