namespace ChargePortal.Ocpp.V201;

/// <summary>Fixed read-only parameters of a variable.</summary>
public sealed record VariableCharacteristics
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Unit of the variable. When the transmitted value has a unit, this field SHALL be included.</summary>
    public string? Unit { get; init; }

    /// <summary>Data type of this variable.</summary>
    public required DataEnum DataType { get; init; }

    /// <summary>Minimum possible value of this variable.</summary>
    public decimal? MinLimit { get; init; }

    /// <summary>Maximum possible value of this variable. When the datatype of this Variable is String, OptionList, SequenceList or MemberList, this field defines the maximum length of the (CSV) string.</summary>
    public decimal? MaxLimit { get; init; }

    /// <summary>Allowed values when variable is Option/Member/SequenceList. * OptionList: The (Actual) Variable value must be a single value from the reported (CSV) enumeration list. * MemberList: The (Actual) Variable value may be an (unordered) (sub-)set of the reported (CSV) valid values list. * SequenceList: …</summary>
    public string? ValuesList { get; init; }

    /// <summary>Flag indicating if this variable supports monitoring.</summary>
    public required bool SupportsMonitoring { get; init; }
}
