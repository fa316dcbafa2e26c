using System.Globalization;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tariffs;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Drivers;

/// <summary>
/// The price a driver sees on a station page.
/// MERGE SEAM: the tariffs feature provides <c>TariffResolver.ForConnectorAsync(stationId, connectorId, at, ct)</c> and
/// <c>TariffText.Describe(Tariff, CultureInfo)</c>; once merged, make <see cref="ForConnectorAsync"/> and
/// <see cref="Describe"/> delegate to them (their callers do not change). Until then this is a minimal stand-in that
/// reads the Tariff entity directly: the most specific tariff in force (connector, then station, then site).
/// </summary>
public sealed class DriverPrices(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The tariff in force at <paramref name="at"/> for the station's connector (its OCPP connector id).</summary>
    public async Task<Tariff?> ForConnectorAsync(string stationId, int connectorId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteId = await db.Stations.Where(s => s.Id == stationId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
        if (siteId is null)
        {
            return null;
        }

        var candidates = await db.Tariffs.AsNoTracking()
            .Where(t => t.SiteId == siteId && (t.StationId == null || t.StationId == stationId) && (t.ConnectorId == null || t.ConnectorId == connectorId))
            .ToListAsync(ct);
        return candidates
            .Where(t => t.EffectiveFrom <= at && (t.EffectiveTo is null || t.EffectiveTo > at))
            .OrderByDescending(t => t.ConnectorId is not null)
            .ThenByDescending(t => t.StationId is not null)
            .ThenByDescending(t => t.EffectiveFrom)
            .FirstOrDefault();
    }

    /// <summary>The price in plain words, e.g. "€0.39/kWh + €0.10/min after 2 h".</summary>
    public static string Describe(Tariff tariff, CultureInfo culture)
    {
        var parts = new List<string>();
        if (tariff.PricePerKwh > 0)
        {
            parts.Add($"{Money(tariff.PricePerKwh, tariff.Currency, culture)}/kWh");
        }

        if (tariff.PricePerMinute > 0)
        {
            var after = tariff.PricePerMinuteAfterMinutes > 0 ? $" after {Duration(tariff.PricePerMinuteAfterMinutes, culture)}" : "";
            parts.Add($"{Money(tariff.PricePerMinute, tariff.Currency, culture)}/min{after}");
        }

        if (tariff.SessionFee > 0)
        {
            parts.Add($"{Money(tariff.SessionFee, tariff.Currency, culture)} per session");
        }

        var text = parts.Count == 0 ? "Free" : string.Join(" + ", parts);
        if (tariff.IdleFeePerMinute > 0)
        {
            text += $"; idle fee {Money(tariff.IdleFeePerMinute, tariff.Currency, culture)}/min after {Duration(tariff.IdleGraceMinutes, culture)} fully charged";
        }

        return text;
    }

    private static string Money(decimal amount, string currency, CultureInfo culture)
    {
        var number = amount.ToString(amount == decimal.Round(amount, 2) ? "0.00" : "0.00##", culture);
        return currency.ToUpperInvariant() switch
        {
            "EUR" => "€" + number,
            "USD" => "$" + number,
            "GBP" => "£" + number,
            var code => $"{code} {number}",
        };
    }

    private static string Duration(int minutes, CultureInfo culture) => minutes switch
    {
        _ when minutes % 60 == 0 => string.Format(culture, "{0} h", minutes / 60),
        > 60 => string.Format(culture, "{0} h {1} min", minutes / 60, minutes % 60),
        _ => string.Format(culture, "{0} min", minutes),
    };
}
