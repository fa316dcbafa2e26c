using System.Collections.Concurrent;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tariffs;

/// <summary>
/// Follows sessions on the event stream: links a card hold to the session that starts with its idTag,
/// prices a session when it ends (tariff in force at its start), settles the hold with that cost and mails
/// the receipt; tells 2.0.1 stations the running cost (CostUpdated, best-effort).
/// Pricing is a conditional update (Cost still null), so on several nodes only one prices, settles and mails.
/// </summary>
public sealed class SessionPricingService(
    IStationEventStream stream,
    IDbContextFactory<AppDbContext> dbFactory,
    LiveCost liveCost,
    PaymentService payments,
    RfidCardBilling rfidBilling,
    PricingSequenceGate sequenceGate,
    ReceiptMailer receipts,
    IStationCallRouter router,
    StationCommandService commands,
    ILogger<SessionPricingService> logger) : StationEventFollower(stream)
{
    private static readonly CommandActor PricingActor = new("pricing", null, Audited: false);

    // Last running cost sent per station+transaction, so CostUpdated goes out only when the amount changes.
    // A per-node cache of what this node sent; losing it only means one extra CostUpdated.
    private readonly ConcurrentDictionary<(string, string), decimal> _lastSentCost = new();

    protected override ILogger Logger => logger;

    protected override Task OnEventAsync(StationEvent stationEvent, CancellationToken ct) => HandleAsync(stationEvent, ct);

    internal async Task HandleAsync(StationEvent stationEvent, CancellationToken ct)
    {
        switch (stationEvent)
        {
            case TransactionStarted { IdTag: { } idTag } started:
                if (await FindIdAsync(started.StationId, started.TransactionId, ct) is { } startedId
                    && !await payments.LinkAsync(started.StationId, idTag, startedId, ct))
                {
                    // No app hold: a driver's RFID card is held now, where the site charges it to their payment card.
                    await rfidBilling.HoldForSessionAsync(startedId, ct);
                }

                break;
            case TransactionEnded ended:
                _lastSentCost.TryRemove((ended.StationId, ended.TransactionId), out _);
                if (await FindIdAsync(ended.StationId, ended.TransactionId, ct) is { } endedId)
                {
                    await PriceAsync(endedId, ct);
                }

                break;
            case TransactionUpdated updated:
                await SendRunningCostAsync(updated.StationId, updated.TransactionId, ct);
                break;
        }
    }

    /// <summary>
    /// Final price of a completed session; stores it, settles the payment and mails the receipt, once. True when this
    /// call priced it (false: not completed, already priced, or another node won).
    /// </summary>
    public async Task<bool> PriceAsync(long transactionId, CancellationToken ct)
    {
        var priced = await liveCost.EstimateAsync(transactionId, ct);
        if (priced is null || priced.Transaction.Status != TransactionStatus.Completed || priced.Transaction.Cost is not null)
        {
            return false;
        }

        // A 2.0.1 session with events missing waits for them (bounded): the sweep brings it back.
        var decision = await sequenceGate.DecideAsync(transactionId, ct);
        if (!decision.Price)
        {
            return false;
        }

        if (decision.IncompleteNote is not null)
        {
            // Priced from what arrived: the estimate above may predate the last events stored.
            priced = await liveCost.EstimateAsync(transactionId, ct) ?? priced;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = priced.Cost?.Total ?? 0m;
        var currency = priced.Tariff?.Currency;
        var won = await db.Transactions.Where(t => t.Id == transactionId && t.Cost == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Cost, total).SetProperty(t => t.Currency, currency)
                .SetProperty(t => t.TariffId, priced.Tariff == null ? null : priced.Tariff.Id).SetProperty(t => t.PricingNote, decision.IncompleteNote), ct);
        if (won == 0)
        {
            return false;
        }

        try
        {
            // An RFID session whose start event was missed (lossy stream, another node) is held now and captured below.
            await rfidBilling.HoldForSessionAsync(transactionId, ct);
            await payments.SettleAsync(transactionId, total, ct);
        }
        finally
        {
            // The price stands even when the provider cannot be reached (the sweep settles the hold later), so the
            // driver gets the receipt now; nothing else would send it.
            await receipts.SendAsync(transactionId, ct);
        }

        return true;
    }

    private async Task SendRunningCostAsync(string stationId, string ocppTransactionId, CancellationToken ct)
    {
        // Only 2.0.1 has CostUpdated, and only the node holding the socket can send it; others find no station.
        if (await router.FindAsync(stationId, ct) != OcppVersion.V201 || await FindIdAsync(stationId, ocppTransactionId, ct) is not { } id)
        {
            return;
        }

        var priced = await liveCost.EstimateAsync(id, ct);
        if (priced?.Cost is not { } cost || priced.Transaction.Status != TransactionStatus.Active
            || (_lastSentCost.TryGetValue((stationId, ocppTransactionId), out var last) && last == cost.Total))
        {
            return;
        }

        _lastSentCost[(stationId, ocppTransactionId)] = cost.Total;

        // Best-effort: a station that does not support it (NotImplemented), is offline or slow changes nothing.
        var result = await commands.ExecuteAsync(stationId, new CostUpdatedArguments(ocppTransactionId, cost.Total), PricingActor, ct);
        if (result.Error is { } error)
        {
            logger.LogDebug("CostUpdated to {StationId} not delivered: {Error}", stationId, error.Detail);
        }
    }

    private async Task<long?> FindIdAsync(string stationId, string ocppTransactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Transactions.Where(t => t.StationId == stationId && t.OcppTransactionId == ocppTransactionId)
            .Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
    }
}
