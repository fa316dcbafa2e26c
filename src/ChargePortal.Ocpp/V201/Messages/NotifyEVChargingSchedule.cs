namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyEVChargingSchedule request, sent by the Charging Station.</summary>
public sealed record NotifyEVChargingScheduleRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Periods contained in the charging profile are relative to this point in time.</summary>
    public required DateTimeOffset TimeBase { get; init; }

    /// <summary>Charging schedule structure defines a list of charging periods, as used in: GetCompositeSchedule.conf and ChargingProfile.</summary>
    public required ChargingSchedule ChargingSchedule { get; init; }

    /// <summary>The charging schedule contained in this notification applies to an EVSE. EvseId must be &gt; 0.</summary>
    public required int EvseId { get; init; }
}

/// <summary>Response to NotifyEVChargingSchedule.</summary>
public sealed record NotifyEVChargingScheduleResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Returns whether the CSMS has been able to process the message successfully. It does not imply any approval of the charging schedule.</summary>
    public required GenericStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
