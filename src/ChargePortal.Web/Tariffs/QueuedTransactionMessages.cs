using System.Collections.Concurrent;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tariffs;

/// <summary>
/// A 2.0.1 station back online delivers the transaction events it queued (offline = true). Each such event has the
/// CSMS ask it GetTransactionStatus (E14, without a transactionId: anything still queued?); once it reports its queue
/// empty, the station's ended sessions still unpriced are priced (<see cref="PricingSequenceGate"/> decides each).
/// One question at a time per station: events arriving meanwhile ask once more when it is answered.
/// </summary>
public sealed class QueuedTransactionMessages(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceProvider services,
    ILogger<QueuedTransactionMessages> logger)
{
    // Per station: present while a question runs; true when another event asked for a new one meanwhile.
    private readonly ConcurrentDictionary<string, bool> _asking = new(StringComparer.Ordinal);

    /// <summary>Called for each queued (offline) event; the question goes out off the event's own path.</summary>
    public void QueuedEventReceived(string stationId)
    {
        while (true)
        {
            if (_asking.TryAdd(stationId, false))
            {
                _ = Task.Run(() => AskAsync(stationId));
                return;
            }

            // Marked for a new question, unless the running one finished in between (then this starts the next).
            if (_asking.TryUpdate(stationId, true, false) || (_asking.TryGetValue(stationId, out var again) && again))
            {
                return;
            }
        }
    }

    private async Task AskAsync(string stationId)
    {
        try
        {
            while (true)
            {
                await AskOnceAsync(stationId);
                if (_asking.TryUpdate(stationId, false, true))
                {
                    continue;
                }

                if (((ICollection<KeyValuePair<string, bool>>)_asking).Remove(new(stationId, false)))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _asking.TryRemove(stationId, out _);
            logger.LogWarning(ex, "Asking {StationId} for its queued transaction messages failed", stationId);
        }
    }

    private async Task AskOnceAsync(string stationId)
    {
        // Resolved late: pricing reaches the command service, which reaches the station handlers that call this.
        var commands = services.GetRequiredService<StationCommandService>();
        var status = await commands.ExecuteAsync(stationId, new GetTransactionStatusArguments(null), PricingSequenceGate.Actor, CancellationToken.None);
        if (status.Answer is not { MessagesInQueue: false })
        {
            return;
        }

        List<long> unpriced;
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            unpriced = await db.Transactions.AsNoTracking()
                .Where(t => t.StationId == stationId && t.Status == TransactionStatus.Completed && t.Cost == null)
                .OrderBy(t => t.Id).Select(t => t.Id).Take(100).ToListAsync();
        }

        var pricing = services.GetRequiredService<SessionPricingService>();
        foreach (var id in unpriced)
        {
            await pricing.PriceAsync(id, CancellationToken.None);
        }
    }
}
