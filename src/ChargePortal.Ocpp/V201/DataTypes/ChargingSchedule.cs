namespace ChargePortal.Ocpp.V201;

/// <summary>Charging schedule structure defines a list of charging periods, as used in: GetCompositeSchedule.conf and ChargingProfile.</summary>
public sealed record ChargingSchedule
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Identifies the ChargingSchedule.</summary>
    public required int Id { get; init; }

    /// <summary>Starting point of an absolute schedule. If absent the schedule will be relative to start of charging.</summary>
    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>Duration of the charging schedule in seconds. If the duration is left empty, the last period will continue indefinitely or until end of the transaction if chargingProfilePurpose = TxProfile.</summary>
    public int? Duration { get; init; }

    /// <summary>The unit of measure Limit is expressed in.</summary>
    public required ChargingRateUnitEnum ChargingRateUnit { get; init; }

    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    /// <summary>Minimum charging rate supported by the EV. The unit of measure is defined by the chargingRateUnit. This parameter is intended to be used by a local smart charging algorithm to optimize the power allocation for in the case a charging process is inefficient at lower charging rates. Accepts at most …</summary>
    public decimal? MinChargingRate { get; init; }

    /// <summary>NOTE: This dataType is based on dataTypes from ISO 15118-2.</summary>
    public SalesTariff? SalesTariff { get; init; }
}
