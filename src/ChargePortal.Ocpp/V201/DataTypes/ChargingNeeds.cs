namespace ChargePortal.Ocpp.V201;

/// <summary>Charging Needs</summary>
public sealed record ChargingNeeds
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>EV AC charging parameters.</summary>
    public ACChargingParameters? AcChargingParameters { get; init; }

    /// <summary>EV DC charging parameters</summary>
    public DCChargingParameters? DcChargingParameters { get; init; }

    /// <summary>Mode of energy transfer requested by the EV.</summary>
    public required EnergyTransferModeEnum RequestedEnergyTransfer { get; init; }

    /// <summary>Estimated departure time of the EV.</summary>
    public DateTimeOffset? DepartureTime { get; init; }
}
