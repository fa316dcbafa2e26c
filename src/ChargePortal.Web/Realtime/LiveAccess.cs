using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Sites;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Realtime;

/// <summary>
/// Who may listen to what: staff to everything; a site owner to the sites they own and the stations on them;
/// a driver only to their own sessions. Every answer is a sentence a client can show.
/// </summary>
public sealed class LiveAccess(IDbContextFactory<AppDbContext> dbFactory, SiteAccess siteAccess)
{
    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin);

    public async Task<string?> DenyStationAsync(ClaimsPrincipal user, string stationId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(stationId))
        {
            return "A station id is required.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => new { s.SiteId }).FirstOrDefaultAsync(ct);
        if (IsStaff(user))
        {
            return station is null ? $"There is no station '{stationId}'." : null;
        }

        var scope = await siteAccess.ScopeForAsync(user, ct);

        // Unknown and not-yours read the same, so owners cannot probe for other owners' station ids.
        return station is not null && scope.Includes(station.SiteId) ? null : $"You may not follow station '{stationId}'.";
    }

    public async Task<string?> DenySiteAsync(ClaimsPrincipal user, int siteId, CancellationToken ct)
    {
        if (IsStaff(user))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await db.Sites.AnyAsync(s => s.Id == siteId, ct) ? null : $"There is no site {siteId}.";
        }

        var scope = await siteAccess.ScopeForAsync(user, ct);
        return !scope.AllSites && scope.SiteIds.Contains(siteId) ? null : $"You may not follow site {siteId}.";
    }

    public static string? DenyAll(ClaimsPrincipal user) => IsStaff(user) ? null : "Only operators may follow every station.";

    public async Task<string?> DenySessionAsync(ClaimsPrincipal user, string stationId, string transactionId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(stationId) || string.IsNullOrWhiteSpace(transactionId))
        {
            return "A station id and a transaction id are required.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Transactions.AsNoTracking()
            .Where(t => t.StationId == stationId && t.OcppTransactionId == transactionId)
            .Select(t => new { t.UserId, t.Station!.SiteId })
            .FirstOrDefaultAsync(ct);
        var denied = $"You may not follow session {transactionId} at '{stationId}'.";
        if (session is null)
        {
            return IsStaff(user) ? $"There is no session {transactionId} at '{stationId}'." : denied;
        }

        if (IsStaff(user))
        {
            return null;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && session.UserId == userId)
        {
            return null;
        }

        var scope = await siteAccess.ScopeForAsync(user, ct);
        return session.SiteId is { } siteId && !scope.AllSites && scope.SiteIds.Contains(siteId) ? null : denied;
    }
}
