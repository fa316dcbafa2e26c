namespace ChargePortal.Ocpp.V201;

/// <summary>NOTE: This dataType is based on dataTypes from ISO 15118-2.</summary>
public sealed record SalesTariff
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>SalesTariff identifier used to identify one sales tariff. An SAID remains a unique identifier for one schedule throughout a charging session.</summary>
    public required int Id { get; init; }

    /// <summary>A human readable title/short description of the sales tariff e.g. for HMI display purposes.</summary>
    public string? SalesTariffDescription { get; init; }

    /// <summary>Defines the overall number of distinct price levels used across all provided SalesTariff elements.</summary>
    public int? NumEPriceLevels { get; init; }

    public required IReadOnlyList<SalesTariffEntry> SalesTariffEntry { get; init; }
}
