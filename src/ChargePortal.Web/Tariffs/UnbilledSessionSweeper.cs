using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tariffs;

/// <summary>
/// Bills completed sessions that the event path left unbilled. <see cref="SessionPricingService"/> prices a session when
/// its TransactionEnded event arrives, but that event can be missed: the stream drops a slow subscriber's oldest
/// events rather than stall stations, and a node that stops between storing the end and pricing it takes the event
/// with it. An unpriced session is never billed and its card hold is never captured. So each pass, on one node of the
/// cluster, prices completed sessions of the last week still without a cost, and settles holds still open on sessions
/// already priced (a node stopped between the two, or the payment provider could not be reached).
/// </summary>
public sealed class UnbilledSessionSweeper(
    IDbContextFactory<AppDbContext> dbFactory,
    SessionPricingService pricing,
    PaymentService payments,
    TimeProvider time,
    ILogger<UnbilledSessionSweeper> logger)
{
    /// <summary>The event path bills within a second or two; the sweep leaves sessions that recent to it.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Older sessions are left alone: a card hold lives about a week, and a receipt weeks late (say, for sessions from
    /// before an upgrade) is a decision for the operator, not for a background job.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    // Bounded passes: after an outage there may be thousands, and each one is a provider call.
    private const int PerPass = 100;

    /// <summary>One pass; returns how many sessions it priced or settled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        // Holds a stopped node claimed and never settled are Authorized again before this pass looks for them.
        await payments.ReturnAbandonedClaimsAsync(ct);
        var now = time.GetUtcNow();
        var cutoff = now - Grace;
        var oldest = now - MaxAge;
        List<long> unpriced;
        List<(long Id, decimal Cost)> unsettled;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            unpriced = await db.Transactions.AsNoTracking()
                .Where(t => t.Status == TransactionStatus.Completed && t.Cost == null && t.StoppedAt != null && t.StoppedAt <= cutoff && t.StoppedAt >= oldest)
                .OrderBy(t => t.Id).Select(t => t.Id).Take(PerPass).ToListAsync(ct);
            var held = await db.Payments.AsNoTracking()
                .Where(p => p.Status == PaymentStatus.Authorized && p.TransactionId != null)
                .Join(db.Transactions.Where(t => t.Status == TransactionStatus.Completed && t.Cost != null && t.StoppedAt != null && t.StoppedAt <= cutoff && t.StoppedAt >= oldest),
                    p => p.TransactionId, t => (long?)t.Id, (p, t) => new { t.Id, Cost = t.Cost!.Value })
                .OrderBy(t => t.Id).Take(PerPass).ToListAsync(ct);
            unsettled = [.. held.Select(h => (h.Id, h.Cost))];
        }

        var billed = 0;
        foreach (var id in unpriced)
        {
            billed += await TryAsync(id, () => pricing.PriceAsync(id, ct), "price");
        }

        foreach (var (id, cost) in unsettled)
        {
            billed += await TryAsync(id, async () =>
            {
                await payments.SettleAsync(id, cost, ct);
                return true;
            }, "settle");
        }

        if (billed > 0)
        {
            logger.LogWarning("Billed {Count} completed sessions the event stream had not (missed TransactionEnded or a node stopped mid-billing)", billed);
        }

        return billed;
    }

    private async Task<int> TryAsync(long transactionId, Func<Task<bool>> bill, string what)
    {
        try
        {
            return await bill() ? 1 : 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One session the provider or the database refuses must not keep the others unbilled.
            logger.LogError(ex, "Could not {What} session {TransactionId}; the next pass retries", what, transactionId);
            return 0;
        }
    }
}

/// <summary>Runs <see cref="UnbilledSessionSweeper"/> every half minute on the cluster's leader only.</summary>
public sealed class UnbilledSessionSweeperHost(UnbilledSessionSweeper sweeper, IClusterSingletonGate gate, TimeProvider time, ILogger<UnbilledSessionSweeperHost> logger)
    : BackgroundService
{
    public const string JobName = "billing-unbilled-sessions";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await sweeper.RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass (database busy) must not stop later passes.
                logger.LogError(ex, "Unbilled session pass failed");
            }
        }
    }
}
