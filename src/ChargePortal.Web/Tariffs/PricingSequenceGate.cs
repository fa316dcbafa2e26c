using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Tariffs;

/// <summary>
/// Whether an ended session may be priced now: <see cref="IncompleteNote"/> records why it was priced with events
/// missing (null: the sequence was complete).
/// </summary>
public sealed record PricingDecision(bool Price, string? IncompleteNote)
{
    public static PricingDecision Wait { get; } = new(false, null);
}

/// <summary>
/// Pricing waits, bounded, for a complete 2.0.1 event sequence (E §1.3.2). With a gap it asks the station
/// (GetTransactionStatus, E14) whether messages about the transaction are still queued: none queued, or
/// <see cref="PricingOptions.SequenceWait"/> over since the Ended event arrived, and the session is priced with what
/// arrived, the gap recorded on it. Otherwise it waits: the unbilled-session sweep, or the station's queued events
/// (<see cref="QueuedTransactionMessages"/>), bring it back.
/// </summary>
public sealed class PricingSequenceGate(
    IDbContextFactory<AppDbContext> dbFactory,
    StationCommandService commands,
    IStationCallRouter router,
    IOptions<PricingOptions> options,
    TimeProvider time,
    ILogger<PricingSequenceGate> logger)
{
    private const int MaxNoteLength = 300;

    public static readonly CommandActor Actor = new("CSMS (transaction sequence check)", null, Audited: false);

    public async Task<PricingDecision> DecideAsync(long transactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sequence = await SequenceState.OfAsync(db, transactionId, ct);
        if (sequence.Complete)
        {
            return new PricingDecision(true, null);
        }

        var session = await db.Transactions.AsNoTracking().Where(t => t.Id == transactionId)
            .Select(t => new { t.StationId, t.OcppTransactionId, t.StoppedAt }).FirstAsync(ct);
        var waitingSince = sequence.EndReceivedAt ?? session.StoppedAt ?? time.GetUtcNow();
        var wait = options.Value.SequenceWait;
        if (time.GetUtcNow() - waitingSince >= wait)
        {
            return Priced(transactionId, $"Priced with an incomplete event sequence ({sequence.Gap}) after waiting {wait:g} for it.");
        }

        if (await router.FindAsync(session.StationId, ct) == OcppVersion.V201)
        {
            var status = await commands.ExecuteAsync(session.StationId, new GetTransactionStatusArguments(session.OcppTransactionId), Actor, ct);
            if (status.Answer is { MessagesInQueue: false })
            {
                // The missing events may have arrived while the station was answering: what is missing now is what counts.
                var now = await SequenceState.OfAsync(db, transactionId, ct);
                return now.Complete
                    ? new PricingDecision(true, null)
                    : Priced(transactionId, $"Priced with an incomplete event sequence ({now.Gap}): the station reported no queued messages for it.");
            }
        }

        logger.LogInformation("Session {TransactionId} waits for its missing events ({Gap}) before it is priced", transactionId, sequence.Gap);
        return PricingDecision.Wait;
    }

    private PricingDecision Priced(long transactionId, string note)
    {
        note = note.Length <= MaxNoteLength ? note : note[..(MaxNoteLength - 1)] + "…";
        logger.LogWarning("Session {TransactionId}: {Note}", transactionId, note);
        return new PricingDecision(true, note);
    }
}
