namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyChargingLimit request, sent by the Charging Station.</summary>
public sealed record NotifyChargingLimitRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public IReadOnlyList<ChargingSchedule>? ChargingSchedule { get; init; }

    /// <summary>The charging schedule contained in this notification applies to an EVSE. evseId must be &gt; 0.</summary>
    public int? EvseId { get; init; }

    /// <summary>Charging Limit</summary>
    public required ChargingLimit ChargingLimit { get; init; }
}

/// <summary>Response to NotifyChargingLimit.</summary>
public sealed record NotifyChargingLimitResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
