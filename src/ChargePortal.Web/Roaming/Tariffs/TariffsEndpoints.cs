using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Tariffs;

/// <summary>Tariffs module, CPO sender interface: the tariffs of published sites in force now or later, paged.</summary>
public static class TariffsEndpoints
{
    public static RouteGroupBuilder MapOcpiTariffs(this RouteGroupBuilder ocpi)
    {
        ocpi.MapGet("/" + OcpiUrls.Version + "/" + OcpiModules.Tariffs, ListAsync);
        return ocpi;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDbContextFactory<AppDbContext> dbFactory, OcpiUrls urls, RoamingActivity activity,
        IOptions<RoamingOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (paging, error) = OcpiPaging.Read(http.Request);
        if (paging is null)
        {
            return OcpiResults.Invalid(error!, time);
        }

        var partner = OcpiCaller.Of(http).Partner;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = partner.PublishAllSites
            ? null
            : await db.Set<RoamingPartnerSite>().Where(s => s.PartnerId == partner.Id).Select(s => s.SiteId).ToListAsync(ct);
        var tariffs = await db.Tariffs.AsNoTracking().Include(t => t.Periods)
            .Where(t => published == null || published.Contains(t.SiteId)).OrderBy(t => t.Id).ToListAsync(ct);
        var now = time.GetUtcNow();

        // Filtered in memory: DateTimeOffset comparisons do not translate on every provider, and tariffs are few.
        var current = tariffs.Where(t => t.EffectiveTo is null || t.EffectiveTo > now)
            .Select(t => TariffMapping.ToOcpi(t, options.Value.CountryCode, options.Value.PartyId));
        await activity.RecordInboundAsync(partner.Id, OcpiModules.Tariffs, ct);
        return OcpiResults.Ok(paging.Apply(http, urls.Module(http.Request, OcpiModules.Tariffs), current, t => t.LastUpdated), time);
    }
}
