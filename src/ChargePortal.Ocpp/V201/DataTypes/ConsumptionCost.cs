namespace ChargePortal.Ocpp.V201;

/// <summary>Consumption Cost</summary>
public sealed record ConsumptionCost
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The lowest level of consumption that defines the starting point of this consumption block. The block interval extends to the start of the next interval.</summary>
    public required decimal StartValue { get; init; }

    public required IReadOnlyList<Cost> Cost { get; init; }
}
