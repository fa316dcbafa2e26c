namespace ChargePortal.Ocpp.V201;

/// <summary>Charging Limit</summary>
public sealed record ChargingLimit
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Represents the source of the charging limit.</summary>
    public required ChargingLimitSourceEnum ChargingLimitSource { get; init; }

    /// <summary>Indicates whether the charging limit is critical for the grid.</summary>
    public bool? IsGridCritical { get; init; }
}
