using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Sites;

/// <summary>Which sites a user may see: staff see all, site owners only their own, others none.</summary>
public sealed record SiteScope(bool AllSites, IReadOnlySet<int> SiteIds)
{
    public static readonly SiteScope Nothing = new(false, new HashSet<int>());
    public static readonly SiteScope Everything = new(true, new HashSet<int>());

    public bool Includes(int? siteId) => AllSites || (siteId is { } id && SiteIds.Contains(id));
}

public sealed class SiteAccess(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<SiteScope> ScopeForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin))
        {
            return SiteScope.Everything;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !user.IsInRole(Roles.SiteOwner))
        {
            return SiteScope.Nothing;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.SiteOwnerships.Where(o => o.UserId == userId).Select(o => o.SiteId).ToListAsync(ct);
        return new SiteScope(false, ids.ToHashSet());
    }
}
