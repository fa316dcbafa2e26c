using System.Globalization;
using ChargePortal.Web.Tariffs;

namespace ChargePortal.Web.Roaming.Tariffs;

/// <summary>
/// Our tariff as OCPI price components. Our prices include VAT; OCPI's exclude it and name the VAT percentage.
/// Elements are one component each, time-of-day periods first (OCPI applies the first element that matches per
/// dimension): ENERGY per kWh, TIME per hour (from "after N minutes" as min_duration), PARKING_TIME per hour for the
/// idle fee, FLAT for the session fee.
/// </summary>
public static class TariffMapping
{
    private static readonly string[] Days = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

    public static OcpiTariff ToOcpi(Tariff tariff, string countryCode, string partyId)
    {
        var hasTime = tariff.PricePerMinute != 0m || tariff.Periods.Any(p => p.PricePerMinute != 0m);
        var minDuration = tariff.PricePerMinuteAfterMinutes > 0 ? tariff.PricePerMinuteAfterMinutes * 60 : (int?)null;
        var elements = new List<TariffElement>();
        foreach (var period in tariff.Periods.OrderBy(p => p.StartTime))
        {
            var window = new TariffRestrictions(Time(period.StartTime), Time(period.EndTime), null, DaysOf(period.DaysOfWeekMask));
            elements.Add(Element(Energy(tariff, period.PricePerKwh), window));
            if (hasTime)
            {
                elements.Add(Element(Time(tariff, period.PricePerMinute), window with { MinDuration = minDuration }));
            }
        }

        elements.Add(Element(Energy(tariff, tariff.PricePerKwh), null));
        if (hasTime)
        {
            elements.Add(Element(Time(tariff, tariff.PricePerMinute), minDuration is null ? null : new TariffRestrictions(MinDuration: minDuration)));
        }

        if (tariff.IdleFeePerMinute != 0m)
        {
            elements.Add(Element(new PriceComponent("PARKING_TIME", ExclVat(tariff, tariff.IdleFeePerMinute * 60m), tariff.VatPercent, 60), null));
        }

        if (tariff.SessionFee != 0m)
        {
            elements.Add(Element(new PriceComponent("FLAT", ExclVat(tariff, tariff.SessionFee), tariff.VatPercent, 1), null));
        }

        var text = tariff.IdleFeePerMinute != 0m && tariff.IdleGraceMinutes > 0
            ? new[] { new DisplayText("en", $"{tariff.Name}: idle fee after {tariff.IdleGraceMinutes} minutes once charging has ended.") }
            : new[] { new DisplayText("en", tariff.Name) };
        return new OcpiTariff(countryCode, partyId, tariff.Id.ToString(CultureInfo.InvariantCulture), tariff.Currency, "REGULAR", text, elements,
            tariff.EffectiveFrom, tariff.EffectiveTo, tariff.EffectiveFrom);
    }

    public static decimal ExclVat(Tariff tariff, decimal inclVat) =>
        decimal.Round(tariff.VatPercent == 0m ? inclVat : inclVat * 100m / (100m + tariff.VatPercent), 4, MidpointRounding.AwayFromZero);

    private static PriceComponent Energy(Tariff tariff, decimal perKwh) => new("ENERGY", ExclVat(tariff, perKwh), tariff.VatPercent, 1);

    private static PriceComponent Time(Tariff tariff, decimal perMinute) => new("TIME", ExclVat(tariff, perMinute * 60m), tariff.VatPercent, 60);

    private static TariffElement Element(PriceComponent component, TariffRestrictions? restrictions) => new([component], restrictions);

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static List<string>? DaysOf(int mask) =>
        (mask & 0b111_1111) == 0b111_1111 ? null : [.. Enumerable.Range(0, 7).Where(d => (mask & (1 << d)) != 0).Select(d => Days[d])];
}
