namespace ChargePortal.Ocpp.V201;

/// <summary>Charging schedule period structure defines a time period in a charging schedule.</summary>
public sealed record ChargingSchedulePeriod
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Start of the period, in seconds from the start of schedule. The value of StartPeriod also defines the stop time of the previous period.</summary>
    public required int StartPeriod { get; init; }

    /// <summary>Charging rate limit during the schedule period, in the applicable chargingRateUnit, for example in Amperes (A) or Watts (W). Accepts at most one digit fraction (e.g. 8.1).</summary>
    public required decimal Limit { get; init; }

    /// <summary>The number of phases that can be used for charging. If a number of phases is needed, numberPhases=3 will be assumed unless another number is given.</summary>
    public int? NumberPhases { get; init; }

    /// <summary>Values: 1..3, Used if numberPhases=1 and if the EVSE is capable of switching the phase connected to the EV, i.e. ACPhaseSwitchingSupported is defined and true. It’s not allowed unless both conditions above are true. If both conditions are true, and phaseToUse is omitted, the Charging Station / EVSE …</summary>
    public int? PhaseToUse { get; init; }
}
