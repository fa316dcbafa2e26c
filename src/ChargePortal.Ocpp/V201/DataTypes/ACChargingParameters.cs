namespace ChargePortal.Ocpp.V201;

/// <summary>EV AC charging parameters.</summary>
public sealed record ACChargingParameters
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Amount of energy requested (in Wh). This includes energy required for preconditioning.</summary>
    public required int EnergyAmount { get; init; }

    /// <summary>Minimum current (amps) supported by the electric vehicle (per phase).</summary>
    public required int EvMinCurrent { get; init; }

    /// <summary>Maximum current (amps) supported by the electric vehicle (per phase). Includes cable capacity.</summary>
    public required int EvMaxCurrent { get; init; }

    /// <summary>Maximum voltage supported by the electric vehicle</summary>
    public required int EvMaxVoltage { get; init; }
}
