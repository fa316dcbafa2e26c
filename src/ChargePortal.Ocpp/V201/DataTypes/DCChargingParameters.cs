namespace ChargePortal.Ocpp.V201;

/// <summary>EV DC charging parameters</summary>
public sealed record DCChargingParameters
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Maximum current (amps) supported by the electric vehicle. Includes cable capacity.</summary>
    public required int EvMaxCurrent { get; init; }

    /// <summary>Maximum voltage supported by the electric vehicle</summary>
    public required int EvMaxVoltage { get; init; }

    /// <summary>Amount of energy requested (in Wh). This inludes energy required for preconditioning.</summary>
    public int? EnergyAmount { get; init; }

    /// <summary>Maximum power (in W) supported by the electric vehicle. Required for DC charging.</summary>
    public int? EvMaxPower { get; init; }

    /// <summary>Energy available in the battery (in percent of the battery capacity)</summary>
    public int? StateOfCharge { get; init; }

    /// <summary>Capacity of the electric vehicle battery (in Wh)</summary>
    public int? EvEnergyCapacity { get; init; }

    /// <summary>Percentage of SoC at which the EV considers the battery fully charged. (possible values: 0 - 100)</summary>
    public int? FullSoC { get; init; }

    /// <summary>Percentage of SoC at which the EV considers a fast charging process to end. (possible values: 0 - 100)</summary>
    public int? BulkSoC { get; init; }
}
