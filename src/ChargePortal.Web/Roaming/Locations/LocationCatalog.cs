using System.Globalization;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Locations;

/// <summary>Where an EVSE of a location is in our terms.</summary>
public sealed record EvseRef(OcpiLocation Location, OcpiEvse Evse, string StationId, int EvseId);

/// <summary>
/// Our sites as OCPI Locations: each site with stations is a Location, each EVSE of its stations (a 1.6 connector is
/// its own EVSE) an EVSE with its connectors, their live status and the tariff in force. Only sites published to the
/// partner are ever built for it.
/// </summary>
public sealed class LocationCatalog(IDbContextFactory<AppDbContext> dbFactory, TariffResolver tariffs, IOptions<RoamingOptions> options, TimeProvider time)
{
    private static readonly string[] Capabilities = ["RFID_READER", "REMOTE_START_STOP_CAPABLE", "RESERVABLE", "UNLOCK_CAPABLE"];

    public async Task<List<OcpiLocation>> ForPartnerAsync(RoamingPartner partner, CancellationToken ct, int? siteId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var publishedIds = partner.PublishAllSites
            ? null
            : await db.Set<RoamingPartnerSite>().Where(s => s.PartnerId == partner.Id).Select(s => s.SiteId).ToListAsync(ct);
        var sites = await db.Sites.AsNoTracking()
            .Where(s => (siteId == null || s.Id == siteId) && (publishedIds == null || publishedIds.Contains(s.Id)))
            .Include(s => s.Stations).ThenInclude(st => st.Connectors)
            .OrderBy(s => s.Id)
            .ToListAsync(ct);
        var locations = new List<OcpiLocation>(sites.Count);
        foreach (var site in sites)
        {
            locations.Add(await BuildAsync(site, ct));
        }

        return locations;
    }

    public async Task<EvseRef?> FindEvseAsync(RoamingPartner partner, string locationId, string evseUid, CancellationToken ct)
    {
        if (!int.TryParse(locationId, NumberStyles.None, CultureInfo.InvariantCulture, out var siteId)
            || (await ForPartnerAsync(partner, ct, siteId)).FirstOrDefault() is not { } location)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evses = await db.Connectors.AsNoTracking().Where(c => c.Station!.SiteId == siteId)
            .Select(c => new { c.StationId, c.EvseId }).Distinct().ToListAsync(ct);
        var match = evses.FirstOrDefault(e => EvseStatusMapping.EvseUid(e.StationId, e.EvseId) == evseUid);
        var evse = location.Evses.FirstOrDefault(e => e.Uid == evseUid);
        return match is null || evse is null ? null : new EvseRef(location, evse, match.StationId, match.EvseId);
    }

    private async Task<OcpiLocation> BuildAsync(Site site, CancellationToken ct)
    {
        var o = options.Value;
        var evses = new List<OcpiEvse>();
        foreach (var station in site.Stations.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            foreach (var group in station.Connectors.GroupBy(c => c.EvseId).OrderBy(g => g.Key))
            {
                evses.Add(await BuildEvseAsync(station, group.Key, [.. group.OrderBy(c => c.ConnectorId)], ct));
            }
        }

        var lastUpdated = evses.Count > 0 ? evses.Max(e => e.LastUpdated) : time.GetUtcNow();
        return new OcpiLocation(o.CountryCode, o.PartyId, site.Id.ToString(CultureInfo.InvariantCulture), true, site.Name,
            Truncate(site.Address, 45), Truncate(site.City, 45), EvseStatusMapping.Alpha3(site.CountryCode),
            new GeoLocation(site.Latitude.ToString("F6", CultureInfo.InvariantCulture), site.Longitude.ToString("F6", CultureInfo.InvariantCulture)),
            evses, site.TimeZoneId, new BusinessDetailsRef(o.BusinessName), lastUpdated);
    }

    private async Task<OcpiEvse> BuildEvseAsync(Station station, int evseId, List<Connector> connectors, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ocpiConnectors = new List<OcpiConnector>(connectors.Count);
        foreach (var c in connectors)
        {
            var (standard, format, powerType) = EvseStatusMapping.Describe(c.Type);
            var (voltage, amperage) = EvseStatusMapping.Electrical(powerType, c.MaxPowerW);
            var tariff = await tariffs.ForConnectorAsync(station.Id, c.ConnectorId, now, ct);
            ocpiConnectors.Add(new OcpiConnector(c.ConnectorId.ToString(CultureInfo.InvariantCulture), standard, format, powerType, voltage, amperage,
                c.MaxPowerW > 0 ? c.MaxPowerW : null, tariff is null ? null : [tariff.Id.ToString(CultureInfo.InvariantCulture)],
                c.StatusChangedAt ?? station.CreatedAt));
        }

        var lastUpdated = connectors.Select(c => c.StatusChangedAt ?? station.CreatedAt).Append(station.CreatedAt).Max();
        return new OcpiEvse(EvseStatusMapping.EvseUid(station.Id, evseId), EvseId(station.Id, evseId),
            EvseStatusMapping.Status(station.IsOnline, connectors.Select(c => c.Status)), Capabilities, ocpiConnectors,
            station.Name.Length is > 0 and <= 16 ? station.Name : null, lastUpdated);
    }

    /// <summary>eMI3 EVSE id: <c>{country}*{party}*E{station}*{evse}</c>, the station id reduced to letters and digits.</summary>
    public string EvseId(string stationId, int evseId)
    {
        var station = new string([.. stationId.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        var id = string.Create(CultureInfo.InvariantCulture, $"{options.Value.CountryCode}*{options.Value.PartyId}*E{station}*{evseId}");
        return Truncate(id, 48);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
