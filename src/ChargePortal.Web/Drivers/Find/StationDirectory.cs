using ChargePortal.Web.Data;
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
        var stations = await db.Stations.AsNoTracking().Include(s => s.Site).Include(s => s.Connectors)
            .Where(s => s.Site != null && s.RegistrationStatus != Stations.StationRegistrationStatus.Rejected)
            .OrderBy(s => s.SiteId).ThenBy(s => s.Id).AsSplitQuery().ToListAsync(ct);
        var result = new List<StationListing>(stations.Count);
        foreach (var site in stations.GroupBy(s => s.SiteId))
        {
            var members = site.ToList();
            for (var i = 0; i < members.Count; i++)
            {
                var s = members[i];
                var angle = 2 * Math.PI * i / members.Count;
                var offset = members.Count == 1 ? 0 : SpreadDegrees;
                var location = new GeoPoint(s.Site!.Latitude + (offset * Math.Sin(angle)), s.Site.Longitude + (offset * Math.Cos(angle) * 1.6));
                var address = string.Join(", ", new[] { s.Site.Address, s.Site.City }.Where(x => !string.IsNullOrWhiteSpace(x)));
                result.Add(new StationListing(s.Id, s.Name, s.Site.Name, address, location, s.IsOnline,
                    [.. s.Connectors.OrderBy(c => c.EvseId).ThenBy(c => c.ConnectorId)
                        .Select(c => new ListingConnector(c.Id, c.EvseId, c.ConnectorId, c.Type, c.MaxPowerW, c.Status))]));
            }
        }

        return result;
    }

    public async Task<DriverStation?> FindAsync(string id, CancellationToken ct)
    {
        var listing = (await ListAsync(ct)).FirstOrDefault(s => s.Id == id);
        if (listing is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await db.Stations.Where(s => s.Id == id).Select(s => new { s.Site!.Latitude, s.Site.Longitude, s.Site.TimeZoneId }).FirstAsync(ct);
        return new DriverStation(listing, new GeoPoint(site.Latitude, site.Longitude), site.TimeZoneId);
    }
}
