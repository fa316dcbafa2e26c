namespace ChargePortal.Ocpp.V201;

/// <summary>OCPP 2.0.1 SetVariableResultType.</summary>
public sealed record SetVariableResult
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Type of attribute: Actual, Target, MinSet, MaxSet. Default is Actual when omitted.</summary>
    public AttributeEnum? AttributeType { get; init; }

    /// <summary>Result status of setting the variable.</summary>
    public required SetVariableStatusEnum AttributeStatus { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? AttributeStatusInfo { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }
}
