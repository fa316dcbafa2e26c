using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// Whether the CSMS has every 2.0.1 TransactionEvent of a session (E §1.3.2 "Sequence Number Generation"): a Started
/// event with seqNo a, an Ended event with seqNo o &gt; a, and one event for every seqNo between. <see cref="Gap"/>
/// says what is missing, in words for the operator; null when complete.
/// </summary>
public sealed record SequenceState(bool Complete, string? Gap, DateTimeOffset? EndReceivedAt)
{
    /// <summary>Missing numbers listed at most; a station with a continuously increasing seqNo can leave wide gaps.</summary>
    internal const int ListedMissing = 10;

    /// <summary>The state of the session's events. A session without any (OCPP 1.6) has nothing to miss.</summary>
    public static async Task<SequenceState> OfAsync(AppDbContext db, long transactionId, CancellationToken ct)
    {
        var events = await db.TransactionEvents.AsNoTracking().Where(e => e.TransactionId == transactionId)
            .Select(e => new { e.SeqNo, e.EventType, e.ReceivedAt }).ToListAsync(ct);
        if (events.Count == 0)
        {
            return new SequenceState(true, null, null);
        }

        var started = events.Where(e => e.EventType == nameof(TransactionEventKind.Started)).Select(e => (int?)e.SeqNo).Min();
        var ended = events.Where(e => e.EventType == nameof(TransactionEventKind.Ended)).MinBy(e => e.SeqNo);
        var from = started ?? events.Min(e => e.SeqNo);
        var to = ended?.SeqNo ?? events.Max(e => e.SeqNo);
        var seen = events.Select(e => e.SeqNo).ToHashSet();
        var missing = new List<int>();
        var missingCount = 0L;
        for (var n = (long)from; n <= to; n++)
        {
            if (!seen.Contains((int)n) && ++missingCount <= ListedMissing)
            {
                missing.Add((int)n);
            }
        }

        var parts = new List<string>();
        if (started is null)
        {
            parts.Add("no Started event");
        }

        if (missingCount > 0)
        {
            parts.Add($"seqNo {string.Join(", ", missing)}{(missingCount > ListedMissing ? $" and {missingCount - ListedMissing} more" : "")} missing");
        }

        if (ended is null)
        {
            parts.Add("no Ended event");
        }

        return new SequenceState(parts.Count == 0, parts.Count == 0 ? null : string.Join("; ", parts), ended?.ReceivedAt);
    }
}
