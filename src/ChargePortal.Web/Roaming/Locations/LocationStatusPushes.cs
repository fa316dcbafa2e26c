using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Outbox;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Locations;

/// <summary>
/// Live EVSE status for partners: when a connector's status changes, or its station connects or goes offline, the
/// EVSE's new status is PATCHed to every registered partner that receives Locations and sees the site.
/// </summary>
public sealed class LocationStatusPushes(IDbContextFactory<AppDbContext> dbFactory, LocationCatalog catalog, RoamingOutbox outbox, IOptions<RoamingOptions> options)
{
    /// <summary>Pushes the status of one EVSE of the station (<paramref name="evseId"/>), or of all when it is null.</summary>
    public async Task OnStationChangedAsync(string stationId, int? evseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteId = await db.Stations.Where(s => s.Id == stationId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
        if (siteId is null)
        {
            return;
        }

        var partners = await db.Set<RoamingPartner>().AsNoTracking().Include(p => p.PublishedSites)
            .Where(p => p.Status == RoamingPartnerStatus.Registered || p.Status == RoamingPartnerStatus.Suspended).ToListAsync(ct);
        var receivers = partners.Where(p => RoamingPartners.Publishes(p, siteId.Value)
            && PartnerParties.Endpoint(p, OcpiModules.Locations, InterfaceRoles.Receiver) is not null).ToList();
        if (receivers.Count == 0)
        {
            return;
        }

        // Built once with a partner that sees the site: the EVSEs are the same for every partner that does.
        var location = (await catalog.ForPartnerAsync(receivers[0], ct, siteId)).FirstOrDefault();
        if (location is null)
        {
            return;
        }

        var uids = await db.Connectors.Where(c => c.StationId == stationId && (evseId == null || c.EvseId == evseId))
            .Select(c => c.EvseId).Distinct().ToListAsync(ct);
        var evses = location.Evses.Where(e => uids.Select(u => EvseStatusMapping.EvseUid(stationId, u)).Contains(e.Uid)).ToList();
        var o = options.Value;
        var requests = receivers.SelectMany(p => evses.Select(e => new OutboundRequest(p.Id, OcpiModules.Locations, HttpMethod.Patch,
            $"/{o.CountryCode}/{o.PartyId}/{location.Id}/{Uri.EscapeDataString(e.Uid)}", new { status = e.Status, last_updated = e.LastUpdated }))).ToList();
        await outbox.EnqueueAsync(requests, ct);
    }
}
