namespace ChargePortal.Web.Roaming.Tariffs;

/// <summary>OCPI 2.2.1 Tariff.</summary>
public sealed record OcpiTariff(
    string CountryCode,
    string PartyId,
    string Id,
    string Currency,
    string? Type,
    IReadOnlyList<DisplayText>? TariffAltText,
    IReadOnlyList<TariffElement> Elements,
    DateTimeOffset? StartDateTime,
    DateTimeOffset? EndDateTime,
    DateTimeOffset LastUpdated);

public sealed record DisplayText(string Language, string Text);

public sealed record TariffElement(IReadOnlyList<PriceComponent> PriceComponents, TariffRestrictions? Restrictions);

/// <summary>A price excluding VAT, with the VAT percentage; step_size in Wh (ENERGY), seconds (TIME, PARKING_TIME) or 1 (FLAT).</summary>
public sealed record PriceComponent(string Type, decimal Price, decimal? Vat, int StepSize);

/// <summary>When an element applies; times in the location's time zone.</summary>
public sealed record TariffRestrictions(
    string? StartTime = null,
    string? EndTime = null,
    int? MinDuration = null,
    IReadOnlyList<string>? DayOfWeek = null);
