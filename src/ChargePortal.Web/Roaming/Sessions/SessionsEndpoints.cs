using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Cdrs;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>Sessions and CDRs modules, CPO sender interfaces: the caller's own sessions and CDRs, paged on last_updated.</summary>
public static class SessionsEndpoints
{
    public static RouteGroupBuilder MapOcpiSessionsAndCdrs(this RouteGroupBuilder ocpi)
    {
        ocpi.MapGet("/" + OcpiUrls.Version + "/" + OcpiModules.Sessions, SessionsAsync);
        ocpi.MapGet("/" + OcpiUrls.Version + "/" + OcpiModules.Cdrs, CdrsAsync);
        return ocpi;
    }

    private static async Task<IResult> SessionsAsync(HttpContext http, IDbContextFactory<AppDbContext> dbFactory, OcpiUrls urls, RoamingActivity activity,
        IOptions<RoamingOptions> options, TimeProvider time, CancellationToken ct)
    {
        var (paging, error) = OcpiPaging.Read(http.Request);
        if (paging is null)
        {
            return OcpiResults.Invalid(error!, time);
        }

        var partnerId = OcpiCaller.Of(http).Partner.Id;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = Window(paging);
        var query = db.Set<RoamingSession>().AsNoTracking().Where(s => s.PartnerId == partnerId && s.LastUpdatedTicks >= from && s.LastUpdatedTicks < to);
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(s => s.LastUpdatedTicks).ThenBy(s => s.Id).Skip(paging.Offset).Take(paging.Limit).ToListAsync(ct);
        paging.WriteHeaders(http, urls.Module(http.Request, OcpiModules.Sessions), total, page.Count);
        await activity.RecordInboundAsync(partnerId, OcpiModules.Sessions, ct);
        return OcpiResults.Ok(page.Select(s => OcpiSession.From(s, options.Value.CountryCode, options.Value.PartyId)).ToList(), time);
    }

    private static async Task<IResult> CdrsAsync(HttpContext http, IDbContextFactory<AppDbContext> dbFactory, OcpiUrls urls, RoamingActivity activity,
        TimeProvider time, CancellationToken ct)
    {
        var (paging, error) = OcpiPaging.Read(http.Request);
        if (paging is null)
        {
            return OcpiResults.Invalid(error!, time);
        }

        var partnerId = OcpiCaller.Of(http).Partner.Id;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = Window(paging);
        var query = db.Set<RoamingCdr>().AsNoTracking().Where(c => c.PartnerId == partnerId && c.LastUpdatedTicks >= from && c.LastUpdatedTicks < to);
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(c => c.LastUpdatedTicks).ThenBy(c => c.Id).Skip(paging.Offset).Take(paging.Limit).Select(c => c.Json).ToListAsync(ct);
        paging.WriteHeaders(http, urls.Module(http.Request, OcpiModules.Cdrs), total, page.Count);
        await activity.RecordInboundAsync(partnerId, OcpiModules.Cdrs, ct);

        // Served exactly as they were pushed: a CDR does not change once issued.
        return OcpiResults.Ok(page.Select(json => JsonSerializer.Deserialize<JsonElement>(json)).ToList(), time);
    }

    private static (long From, long To) Window(OcpiPaging paging) =>
        (paging.DateFrom?.UtcTicks ?? 0, paging.DateTo?.UtcTicks ?? long.MaxValue);
}
