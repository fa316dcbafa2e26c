namespace ChargePortal.Ocpp.V201;

/// <summary>Sales Tariff Entry</summary>
public sealed record SalesTariffEntry
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Relative Timer Interval</summary>
    public required RelativeTimeInterval RelativeTimeInterval { get; init; }

    /// <summary>Defines the price level of this SalesTariffEntry (referring to NumEPriceLevels). Small values for the EPriceLevel represent a cheaper TariffEntry. Large values for the EPriceLevel represent a more expensive TariffEntry.</summary>
    public int? EPriceLevel { get; init; }

    public IReadOnlyList<ConsumptionCost>? ConsumptionCost { get; init; }
}
