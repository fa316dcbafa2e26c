namespace ChargePortal.Ocpp.V201;

/// <summary>GetCompositeSchedule request, sent by the CSMS.</summary>
public sealed record GetCompositeScheduleRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Length of the requested schedule in seconds.</summary>
    public required int Duration { get; init; }

    /// <summary>Can be used to force a power or current profile.</summary>
    public ChargingRateUnitEnum? ChargingRateUnit { get; init; }

    /// <summary>The ID of the EVSE for which the schedule is requested. When evseid=0, the Charging Station will calculate the expected consumption for the grid connection.</summary>
    public required int EvseId { get; init; }
}

/// <summary>Response to GetCompositeSchedule.</summary>
public sealed record GetCompositeScheduleResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The Charging Station will indicate if it was able to process the request</summary>
    public required GenericStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    /// <summary>Composite Schedule</summary>
    public CompositeSchedule? Schedule { get; init; }
}
