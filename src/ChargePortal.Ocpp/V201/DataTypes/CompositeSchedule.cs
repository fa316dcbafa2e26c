namespace ChargePortal.Ocpp.V201;

/// <summary>Composite Schedule</summary>
public sealed record CompositeSchedule
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    /// <summary>The ID of the EVSE for which the schedule is requested. When evseid=0, the Charging Station calculated the expected consumption for the grid connection.</summary>
    public required int EvseId { get; init; }

    /// <summary>Duration of the schedule in seconds.</summary>
    public required int Duration { get; init; }

    /// <summary>Date and time at which the schedule becomes active. All time measurements within the schedule are relative to this timestamp.</summary>
    public required DateTimeOffset ScheduleStart { get; init; }

    /// <summary>The unit of measure Limit is expressed in.</summary>
    public required ChargingRateUnitEnum ChargingRateUnit { get; init; }
}
