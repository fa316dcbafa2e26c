using System.Globalization;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Outbox;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Locations;

/// <summary>A station change to report: online or not, and the connector status an event reported (the database may already be newer).</summary>
public sealed record StationChange(string StationId, DateTimeOffset At, bool Online, int? EvseId = null, int? ConnectorId = null, ConnectorStatus? Status = null);

/// <summary>
/// Live EVSE status for partners: when a connector's status changes, or its station connects or goes offline, the
/// EVSE's status as of that event is PATCHed to every registered partner that receives Locations and sees the site.
/// Each push carries the status the event reported, so quick successive changes arrive as they happened.
/// </summary>
public sealed class LocationStatusPushes(IDbContextFactory<AppDbContext> dbFactory, RoamingOutbox outbox, IOptions<RoamingOptions> options)
{
    public async Task OnStationChangedAsync(StationChange change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteId = await db.Stations.Where(s => s.Id == change.StationId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
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

        var connectors = await db.Connectors.AsNoTracking().Where(c => c.StationId == change.StationId && (change.EvseId == null || c.EvseId == change.EvseId))
            .ToListAsync(ct);
        var o = options.Value;
        var location = siteId.Value.ToString(CultureInfo.InvariantCulture);
        var requests = new List<OutboundRequest>();
        foreach (var evse in connectors.GroupBy(c => c.EvseId))
        {
            var statuses = evse.Select(c => c.ConnectorId == change.ConnectorId && change.Status is { } reported ? reported : c.Status);
            var body = new { status = EvseStatusMapping.Status(change.Online, statuses), last_updated = change.At };
            var path = $"/{o.CountryCode}/{o.PartyId}/{location}/{Uri.EscapeDataString(EvseStatusMapping.EvseUid(change.StationId, evse.Key))}";
            requests.AddRange(receivers.Select(p => new OutboundRequest(p.Id, OcpiModules.Locations, HttpMethod.Patch, path, body)));
        }

        await outbox.EnqueueAsync(requests, ct);
    }
}
