namespace ChargePortal.Ocpp.V201;

/// <summary>ClearedChargingLimit request, sent by the Charging Station.</summary>
public sealed record ClearedChargingLimitRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Source of the charging limit.</summary>
    public required ChargingLimitSourceEnum ChargingLimitSource { get; init; }

    /// <summary>EVSE Identifier.</summary>
    public int? EvseId { get; init; }
}

/// <summary>Response to ClearedChargingLimit.</summary>
public sealed record ClearedChargingLimitResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
