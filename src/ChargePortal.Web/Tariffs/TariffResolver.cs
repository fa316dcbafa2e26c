using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tariffs;

/// <summary>Finds the tariff version in force for a connector at a moment.</summary>
public sealed class TariffResolver(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// The most specific tariff (connector &gt; station &gt; site) with EffectiveFrom ≤ at &lt; EffectiveTo,
    /// with its periods; null when the station has no site or no tariff applies.
    /// </summary>
    public async Task<Tariff?> ForConnectorAsync(string stationId, int connectorId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteId = await db.Stations.Where(s => s.Id == stationId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
        if (siteId is null)
        {
            return null;
        }

        var candidates = await db.Tariffs.AsNoTracking().Include(t => t.Periods)
            .Where(t => t.SiteId == siteId && (t.StationId == null || t.StationId == stationId))
            .ToListAsync(ct);

        // Filtered in memory: DateTimeOffset comparisons are not translatable on every provider, and a site has few versions.
        return candidates
            .Where(t => t.EffectiveFrom <= at && (t.EffectiveTo is null || at < t.EffectiveTo))
            .Where(t => t.ConnectorId is null || (t.StationId == stationId && t.ConnectorId == connectorId))
            .OrderByDescending(Specificity)
            .ThenByDescending(t => t.EffectiveFrom)
            .FirstOrDefault();
    }

    /// <summary>The site's time zone for a station (UTC when unknown or invalid).</summary>
    public async Task<TimeZoneInfo> TimeZoneForStationAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var id = await db.Stations.Where(s => s.Id == stationId).Select(s => s.Site!.TimeZoneId).FirstOrDefaultAsync(ct);
        return FindZone(id);
    }

    public static TimeZoneInfo FindZone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static int Specificity(Tariff t) => t.ConnectorId is not null ? 2 : t.StationId is not null ? 1 : 0;
}
