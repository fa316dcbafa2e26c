namespace ChargePortal.Ocpp.V201;

/// <summary>Single sampled value in MeterValues. Each value can be accompanied by optional fields. To save on mobile data usage, default values of all of the optional fields are such that. The value without any additional fields will be interpreted, as a register reading of active import energy in Wh …</summary>
public sealed record SampledValue
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates the measured value.</summary>
    public required decimal Value { get; init; }

    /// <summary>Type of detail value: start, end or sample. Default = "Sample.Periodic"</summary>
    public ReadingContextEnum? Context { get; init; }

    /// <summary>Type of measurement. Default = "Energy.Active.Import.Register"</summary>
    public MeasurandEnum? Measurand { get; init; }

    /// <summary>Indicates how the measured value is to be interpreted. For instance between L1 and neutral (L1-N) Please note that not all values of phase are applicable to all Measurands. When phase is absent, the measured value is interpreted as an overall value.</summary>
    public PhaseEnum? Phase { get; init; }

    /// <summary>Indicates where the measured value has been sampled. Default = "Outlet"</summary>
    public LocationEnum? Location { get; init; }

    /// <summary>Represent a signed version of the meter value.</summary>
    public SignedMeterValue? SignedMeterValue { get; init; }

    /// <summary>Represents a UnitOfMeasure with a multiplier</summary>
    public UnitOfMeasure? UnitOfMeasure { get; init; }
}
