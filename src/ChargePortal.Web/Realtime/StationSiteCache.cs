using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ChargePortal.Web.Realtime;

/// <summary>
/// The site of each station, looked up once and kept for a short while: every meter value would otherwise
/// cost a query. A station moved to another site reaches the new site's group within <see cref="Expiry"/>.
/// </summary>
public sealed class StationSiteCache(IDbContextFactory<AppDbContext> dbFactory, IMemoryCache cache)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    public async ValueTask<int?> SiteOfAsync(string stationId, CancellationToken ct)
    {
        var key = (typeof(StationSiteCache), stationId);
        if (cache.TryGetValue(key, out int? siteId))
        {
            return siteId;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        siteId = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
        cache.Set(key, siteId, Expiry);
        return siteId;
    }
}
