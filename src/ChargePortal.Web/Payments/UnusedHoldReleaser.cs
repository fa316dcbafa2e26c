using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments;

/// <summary>
/// Releases holds no session used: the station accepted the remote start but the driver never plugged in (the
/// station gave up after its connection timeout), or the node crashed between hold and start. After
/// <see cref="PaymentOptions.UnusedHoldTimeout"/> without a linked session the hold is cancelled with its reason.
/// Holds whose driver never came back from their bank's confirmation page are given up here too, and holds the
/// provider placed without answering at the time are looked for and released.
/// </summary>
public sealed class UnusedHoldReleaser(
    IDbContextFactory<AppDbContext> dbFactory,
    PaymentService payments,
    HoldAuthentication authentication,
    UnansweredHolds unanswered,
    PaymentOptions options,
    TimeProvider time,
    ILogger<UnusedHoldReleaser> logger)
{
    // Station clocks drift a little; a session reported as starting just before the hold still counts.
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(1);

    public TimeSpan Timeout => options.UnusedHoldTimeout > TimeSpan.Zero ? options.UnusedHoldTimeout : TimeSpan.FromMinutes(3);

    /// <summary>One pass; returns how many holds it released.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var expired = await authentication.ExpireUnconfirmedAsync(ct);
        if (expired > 0)
        {
            logger.LogInformation("Gave up {Count} holds not confirmed with the bank in time", expired);
        }

        await unanswered.ReleaseUnknownHoldsAsync(ct);

        var cutoff = time.GetUtcNow() - Timeout;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Timed from the accepted start, or when the start was never answered (a crash) from the hold's last change:
        // its placement, its confirmation with the bank, or the start being sent.
        var stale = await db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Authorized && p.TransactionId == null
                && ((p.StartAcceptedAt != null && p.StartAcceptedAt < cutoff) || (p.StartAcceptedAt == null && p.UpdatedAt < cutoff)))
            .Select(p => new { p.Id, p.StationId, p.IdTag, p.CreatedAt })
            .ToListAsync(ct);

        var released = 0;
        foreach (var hold in stale)
        {
            // The session may have started with the event that links it still on its way (or lost with a node):
            // link it now rather than release a hold that is in use.
            var since = hold.CreatedAt - ClockSlack;
            var session = await db.Transactions.AsNoTracking()
                .Where(t => t.StationId == hold.StationId && t.IdTag == hold.IdTag)
                .Select(t => new { t.Id, t.StartedAt }).ToListAsync(ct);
            if (session.Where(t => t.StartedAt >= since).MinBy(t => t.Id) is { } started)
            {
                await payments.LinkAsync(hold.StationId!, hold.IdTag!, started.Id, ct);
                continue;
            }

            try
            {
                if (await payments.ReleaseAsync(hold.Id, $"no session started within {Describe(Timeout)} of the remote start", ct))
                {
                    released++;
                    logger.LogInformation("Released unused hold {PaymentId} at {StationId}", hold.Id, hold.StationId);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The provider could not be reached for this hold; it stays Authorized for the next pass, and the
                // holds after it in this pass are still released.
                logger.LogError(ex, "Could not release hold {PaymentId}; the next pass retries", hold.Id);
            }
        }

        return released;
    }

    private static string Describe(TimeSpan span) => span.TotalSeconds % 60 == 0
        ? $"{span.TotalMinutes:0} min"
        : $"{span.TotalSeconds:0} s";
}

/// <summary>Runs <see cref="UnusedHoldReleaser"/> every few seconds on the cluster's leader only.</summary>
public sealed class UnusedHoldReleaserHost(UnusedHoldReleaser releaser, IClusterSingletonGate gate, TimeProvider time, ILogger<UnusedHoldReleaserHost> logger) : BackgroundService
{
    public const string JobName = "payments-unused-holds";

    /// <summary>A tenth of the timeout keeps the release close to it; bounded so short timeouts do not spin.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(releaser.Timeout.TotalSeconds / 10, 1, 30));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await releaser.RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass (database busy, provider down) must not stop later passes.
                logger.LogError(ex, "Unused hold release pass failed");
            }
        }
    }
}
