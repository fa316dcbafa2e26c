using System.Collections.Concurrent;
using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Realtime;

/// <summary>
/// Live-hub connections are authenticated once, when they open, and may stay open for days. Every revalidation
/// interval this checks the security stamp each connection was opened with against the user's current one, and closes
/// the connections of users whose stamp changed (a role or site-ownership change, a lock-out, a new password), who
/// are locked out, or who no longer exist. The client reconnects and is authorised afresh, or refused.
/// </summary>
public sealed class LiveConnectionRevalidator(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<SessionRevalidationOptions> revalidation,
    IOptions<IdentityOptions> identity,
    TimeProvider time,
    ILogger<LiveConnectionRevalidator> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Tracked> _connections = new(StringComparer.Ordinal);

    public int TrackedCount => _connections.Count;

    public void Track(HubCallerContext context)
    {
        var userId = context.User?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            _connections[context.ConnectionId] = new Tracked(userId, context.User!.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType), context);
        }
    }

    public void Untrack(string connectionId) => _connections.TryRemove(connectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(revalidation.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RevalidateAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A database hiccup leaves connections as they are until the next pass.
                logger.LogWarning(e, "Live hub connections could not be revalidated; trying again next interval.");
            }
        }
    }

    /// <summary>One pass: closes every tracked connection whose user's stamp no longer matches. Returns how many.</summary>
    public async Task<int> RevalidateAsync(CancellationToken ct)
    {
        var snapshot = _connections.ToArray();
        if (snapshot.Length == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var userIds = snapshot.Select(c => c.Value.UserId).Distinct(StringComparer.Ordinal).ToList();
        var current = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            foreach (var chunk in userIds.Chunk(500))
            {
                var rows = await db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id))
                    .Select(u => new { u.Id, u.SecurityStamp, u.LockoutEnd }).ToListAsync(ct);
                foreach (var row in rows.Where(r => r.LockoutEnd is null || r.LockoutEnd <= now))
                {
                    current[row.Id] = row.SecurityStamp;
                }
            }
        }

        var closed = 0;
        foreach (var (connectionId, tracked) in snapshot)
        {
            if (current.TryGetValue(tracked.UserId, out var stamp) && stamp == tracked.Stamp)
            {
                continue;
            }

            logger.LogInformation("Closing live hub connection {ConnectionId}: its user's rights changed since it opened.", connectionId);
            Untrack(connectionId);
            tracked.Context.Abort();
            closed++;
        }

        return closed;
    }

    private sealed record Tracked(string UserId, string? Stamp, HubCallerContext Context);
}
