using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;

namespace ChargePortal.Web.Roaming.Locations;

/// <summary>Locations module, CPO sender interface: the list (paged), one location, one EVSE, one connector.</summary>
public static class LocationsEndpoints
{
    private const string Root = "/" + OcpiUrls.Version + "/" + OcpiModules.Locations;

    public static RouteGroupBuilder MapOcpiLocations(this RouteGroupBuilder ocpi)
    {
        ocpi.MapGet(Root, ListAsync);
        ocpi.MapGet(Root + "/{locationId}", LocationAsync);
        ocpi.MapGet(Root + "/{locationId}/{evseUid}", EvseAsync);
        ocpi.MapGet(Root + "/{locationId}/{evseUid}/{connectorId}", ConnectorAsync);
        return ocpi;
    }

    private static async Task<IResult> ListAsync(HttpContext http, LocationCatalog catalog, OcpiUrls urls, RoamingActivity activity, TimeProvider time, CancellationToken ct)
    {
        var (paging, error) = OcpiPaging.Read(http.Request);
        if (paging is null)
        {
            return OcpiResults.Invalid(error!, time);
        }

        var partner = OcpiCaller.Of(http).Partner;
        var locations = await catalog.ForPartnerAsync(partner, ct);
        await activity.RecordInboundAsync(partner.Id, OcpiModules.Locations, ct);
        return OcpiResults.Ok(paging.Apply(http, urls.Module(http.Request, OcpiModules.Locations), locations, l => l.LastUpdated), time);
    }

    private static async Task<IResult> LocationAsync(HttpContext http, string locationId, LocationCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var location = int.TryParse(locationId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var siteId)
            ? (await catalog.ForPartnerAsync(OcpiCaller.Of(http).Partner, ct, siteId)).FirstOrDefault()
            : null;
        return location is null ? UnknownLocation(locationId, time) : OcpiResults.Ok(location, time);
    }

    private static async Task<IResult> EvseAsync(HttpContext http, string locationId, string evseUid, LocationCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var found = await catalog.FindEvseAsync(OcpiCaller.Of(http).Partner, locationId, evseUid, ct);
        return found is null ? UnknownLocation($"{locationId}/{evseUid}", time) : OcpiResults.Ok(found.Evse, time);
    }

    private static async Task<IResult> ConnectorAsync(HttpContext http, string locationId, string evseUid, string connectorId, LocationCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var connector = (await catalog.FindEvseAsync(OcpiCaller.Of(http).Partner, locationId, evseUid, ct))?.Evse.Connectors.FirstOrDefault(c => c.Id == connectorId);
        return connector is null ? UnknownLocation($"{locationId}/{evseUid}/{connectorId}", time) : OcpiResults.Ok(connector, time);
    }

    private static IResult UnknownLocation(string what, TimeProvider time) =>
        OcpiResults.NotFound(OcpiStatus.UnknownLocation, $"No location {what} is published to this party.", time);
}
