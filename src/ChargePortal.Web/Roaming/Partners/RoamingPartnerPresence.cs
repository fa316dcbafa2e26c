using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Partners;

/// <summary>
/// Whether roaming has anyone to work for: a partner that is not unregistered. Most deployments have none, and then
/// every connect, status, token and meter value would otherwise cost a read of the partners for nothing (a tenth of the
/// host's CPU in a reconnect storm). The answer is kept for <see cref="Freshness"/>; this node forgets it at once when a
/// partner is created or registers, so only a change made on another node can take that long to be seen here.
/// </summary>
public sealed class RoamingPartnerPresence(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private Known? _known;
    private long _changes;

    public async ValueTask<bool> AnyAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var changes = Interlocked.Read(ref _changes);
        if (Volatile.Read(ref _known) is { } known && known.Changes == changes && now - known.At < Freshness)
        {
            return known.Any;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var any = await db.Set<RoamingPartner>().AnyAsync(p => p.Status != RoamingPartnerStatus.Unregistered, ct);

        // Kept with the count of changes seen before the read: a change made while it ran makes it stale at once.
        Volatile.Write(ref _known, new Known(any, now, changes));
        return any;
    }

    /// <summary>A partner was created or registered on this node.</summary>
    public void Changed() => Interlocked.Increment(ref _changes);

    private sealed record Known(bool Any, DateTimeOffset At, long Changes);
}
