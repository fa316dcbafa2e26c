namespace ChargePortal.Ocpp.V16;

/// <summary>GetCompositeSchedule request (SmartCharging profile), sent by the Central System.</summary>
public sealed record GetCompositeScheduleRequest
{
    public required int ConnectorId { get; init; }

    public required int Duration { get; init; }

    public ChargingRateUnit? ChargingRateUnit { get; init; }
}

/// <summary>Response to GetCompositeSchedule.</summary>
public sealed record GetCompositeScheduleResponse
{
    public required GetCompositeScheduleStatus Status { get; init; }

    public int? ConnectorId { get; init; }

    public DateTimeOffset? ScheduleStart { get; init; }

    public ChargingSchedule? ChargingSchedule { get; init; }
}
