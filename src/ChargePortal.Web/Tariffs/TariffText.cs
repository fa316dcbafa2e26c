using System.Globalization;

namespace ChargePortal.Web.Tariffs;

/// <summary>A tariff in plain words for drivers, e.g. "€0.39/kWh + €0.10/min after 2 h + €0.25/min idle after 15 min".</summary>
public static class TariffText
{
    public static string Describe(Tariff tariff, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(culture);
        if (tariff is { PricePerKwh: 0m, PricePerMinute: 0m, SessionFee: 0m, IdleFeePerMinute: 0m } && tariff.Periods.Count == 0)
        {
            return "Free";
        }

        var parts = new List<string>();
        if (tariff.PricePerKwh != 0m || (tariff.PricePerMinute == 0m && tariff.SessionFee == 0m))
        {
            parts.Add($"{Money(tariff.PricePerKwh, tariff.Currency, culture)}/kWh");
        }

        if (tariff.PricePerMinute != 0m)
        {
            parts.Add(tariff.PricePerMinuteAfterMinutes > 0
                ? $"{Money(tariff.PricePerMinute, tariff.Currency, culture)}/min after {Duration(tariff.PricePerMinuteAfterMinutes, culture)}"
                : $"{Money(tariff.PricePerMinute, tariff.Currency, culture)}/min");
        }

        if (tariff.SessionFee != 0m)
        {
            parts.Add($"{Money(tariff.SessionFee, tariff.Currency, culture)} per session");
        }

        if (tariff.IdleFeePerMinute != 0m)
        {
            parts.Add($"{Money(tariff.IdleFeePerMinute, tariff.Currency, culture)}/min idle after {Duration(tariff.IdleGraceMinutes, culture)}");
        }

        var text = string.Join(" + ", parts);
        if (tariff.Periods.Count > 0)
        {
            text += "; " + string.Join("; ", tariff.Periods.OrderBy(p => p.StartTime).Select(p => Period(p, tariff.Currency, culture)));
        }

        return text;
    }

    /// <summary>An amount with the currency's symbol where one is well known, else its ISO code.</summary>
    public static string Money(decimal amount, string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var number = amount.ToString(amount == decimal.Round(amount, 2) ? "0.00" : "0.00##", culture);
        return currency.ToUpperInvariant() switch
        {
            "EUR" => "€" + number,
            "USD" => "$" + number,
            "GBP" => "£" + number,
            "CHF" => "CHF " + number,
            var code => number + " " + code,
        };
    }

    private static string Period(TariffPeriod p, string currency, CultureInfo culture)
    {
        var days = Days(p.DaysOfWeekMask, culture);
        var span = p.StartTime == p.EndTime ? "all day" : $"{p.StartTime.ToString("HH:mm", culture)}–{p.EndTime.ToString("HH:mm", culture)}";
        var prices = $"{Money(p.PricePerKwh, currency, culture)}/kWh";
        if (p.PricePerMinute != 0m)
        {
            prices += $" + {Money(p.PricePerMinute, currency, culture)}/min";
        }

        return $"{days} {span}: {prices}";
    }

    private static string Days(int mask, CultureInfo culture)
    {
        var all = mask & 0b111_1111;
        return all switch
        {
            0b111_1111 => "daily",
            0b011_1110 => "Mon–Fri",
            0b100_0001 => "Sat–Sun",
            _ => string.Join(",", Enumerable.Range(0, 7).Where(d => (all & (1 << d)) != 0)
                .Select(d => culture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)d))),
        };
    }

    private static string Duration(int minutes, CultureInfo culture) =>
        minutes % 60 == 0 && minutes > 0 ? $"{(minutes / 60).ToString(culture)} h" : $"{minutes.ToString(culture)} min";
}
