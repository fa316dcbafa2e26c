using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.LoadManagement;

public sealed record SiteLoadView(int SiteId, string Name, int? MaxPowerW, int ActiveSessions);

/// <summary>Reads and changes a site's power limit; a change is applied to running sessions at once.</summary>
public sealed class SiteLoadSettings(IDbContextFactory<AppDbContext> dbFactory, SiteLoadBalancer balancer)
{
    /// <summary>100 MW: far above any site, low enough to catch a typo of a few extra zeros.</summary>
    public const int MaxSiteLimitW = 100_000_000;

    public static string? Validate(int? maxPowerW) => maxPowerW switch
    {
        null => null,
        <= 0 => $"The limit must be a positive number of watts, not {maxPowerW}; leave it empty for no limit.",
        > MaxSiteLimitW => $"The limit must be at most {MaxSiteLimitW:N0} W.",
        _ => null,
    };

    public async Task<SiteLoadView?> FindAsync(int siteId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Sites.Where(s => s.Id == siteId)
            .Select(s => new SiteLoadView(s.Id, s.Name, s.MaxPowerW,
                db.Transactions.Count(t => t.Status == Transactions.TransactionStatus.Active && t.Station!.SiteId == s.Id)))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Stores the limit and re-shares it among the site's sessions; null when the site does not exist.</summary>
    public async Task<IReadOnlyList<LoadShareSent>?> SetLimitAsync(int siteId, int? maxPowerW, CancellationToken ct)
    {
        if (Validate(maxPowerW) is { } error)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPowerW), maxPowerW, error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Sites.Where(s => s.Id == siteId).ExecuteUpdateAsync(u => u.SetProperty(s => s.MaxPowerW, maxPowerW), ct);
        return changed == 0 ? null : await balancer.RebalanceAsync(siteId, ct);
    }
}
