using ChargePortal.Web.Data;
using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Drivers.Find;

/// <summary>Every station with its site's position, as the public find page lists them.</summary>
public sealed class StationDirectory(IDbContextFactory<AppDbContext> dbFactory)
{
    // Stations of one site share its coordinates; a small ring around the site keeps their markers apart (about 15 m).
    private const double SpreadDegrees = 0.00014;

    public async Task<IReadOnlyList<StationListing>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stations = await Listed(db).Include(s => s.Site).Include(s => s.Connectors)
            .OrderBy(s => s.SiteId).ThenBy(s => s.Id).AsSplitQuery().ToListAsync(ct);
        var result = new List<StationListing>(stations.Count);
        foreach (var site in stations.GroupBy(s => s.SiteId))
        {
            var members = site.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                result.Add(ToListing(members[i], i, members.Count));
            }
        }

        return result;
    }

    /// <summary>
    /// One station for its page, read on its own: the page loads it at every render and every live event of the
    /// station, so it must not cost a read of the whole table. Only its site's station ids are read besides, for the
    /// marker's place in the ring around the site.
    /// </summary>
    public async Task<DriverStation?> FindAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await Listed(db).Include(s => s.Site).Include(s => s.Connectors).AsNoTracking().AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (station is null)
        {
            return null;
        }

        var siblings = await Listed(db).Where(s => s.SiteId == station.SiteId).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var listing = ToListing(station, Math.Max(0, siblings.IndexOf(id)), siblings.Count);
        return new DriverStation(listing, new GeoPoint(station.Site!.Latitude, station.Site.Longitude), station.Site.TimeZoneId);
    }

    /// <summary>What drivers may see: stations filed under a site and not rejected.</summary>
    private static IQueryable<Station> Listed(AppDbContext db) =>
        db.Stations.AsNoTracking().Where(s => s.Site != null && s.RegistrationStatus != StationRegistrationStatus.Rejected);

    private static StationListing ToListing(Station s, int index, int siteCount)
    {
        var angle = 2 * Math.PI * index / siteCount;
        var offset = siteCount == 1 ? 0 : SpreadDegrees;
        var location = new GeoPoint(s.Site!.Latitude + (offset * Math.Sin(angle)), s.Site.Longitude + (offset * Math.Cos(angle) * 1.6));
        var address = string.Join(", ", new[] { s.Site.Address, s.Site.City }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return new StationListing(s.Id, s.Name, s.Site.Name, address, location, s.IsOnline,
            [.. s.Connectors.OrderBy(c => c.EvseId).ThenBy(c => c.ConnectorId)
                .Select(c => new ListingConnector(c.Id, c.EvseId, c.ConnectorId, c.Type, c.MaxPowerW, c.Status))]);
    }
}
