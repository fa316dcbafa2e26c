using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

public enum TransactionEventKind
{
    Started,
    Updated,
    Ended,
}

/// <summary>
/// The token a session belongs to, as one event names it. <paramref name="Rank"/> orders tokens from events that
/// arrive out of order: the lowest wins (the event's seqNo; a token that only stopped the session ranks last).
/// </summary>
public sealed record SessionToken(string? IdTag, string? UserId, string? Type, int Rank, bool FreeVend = false);

/// <summary>One 2.0.1 TransactionEvent, version-neutral: what the station reported and what the CSMS made of its token.</summary>
public sealed record TransactionEventInput(
    string StationId,
    string OcppTransactionId,
    TransactionEventKind Kind,
    int SeqNo,
    DateTimeOffset Timestamp,
    string TriggerReason,
    int? EvseId,
    int? ConnectorId,
    SessionToken? Token,
    long? MeterStartWh,
    long? MeterStopWh,
    string? StopReason,
    int? ReservationId,
    int? RemoteStartId,
    string? ChargingState);

/// <summary>What applying an event did to its session.</summary>
/// <remarks><paramref name="IsLatest"/>: no event with a higher seqNo was applied before this one (its state is the current one).</remarks>
public sealed record AppliedTransactionEvent(long Id, int EvseId, int ConnectorId, bool IsNew, bool Created, bool TokenAssigned, bool Ended, string? IdTag,
    TransactionStatus Status, bool IsLatest = false, bool Placed = false)
{
    /// <summary>This event put the session on an EVSE: it was created there, or learnt its EVSE now (E01.FR.16).</summary>
    public bool ArrivedOnEvse => IsNew && EvseId > 0 && (Created || Placed);
}

/// <summary>
/// Applies 2.0.1 TransactionEvents in whatever order they arrive (E §1.3.2: after an offline period they may come late
/// and out of order). Each seqNo is applied once; a late event still brings its token, start reading and charging
/// state, but never reopens an ended session. The session's token is the one from its earliest event that named one.
/// </summary>
public sealed class TransactionEventApplier(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events, TimeProvider time)
{
    public async Task<AppliedTransactionEvent> ApplyAsync(TransactionEventInput e, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var turn = await writeGate.EnterAsync(ct);
        await using var commit = await db.Database.BeginTransactionAsync(ct);
        var tx = await db.Transactions.FirstOrDefaultAsync(t => t.StationId == e.StationId && t.OcppTransactionId == e.OcppTransactionId, ct);
        var created = tx is null;
        if (tx is null)
        {
            // Whatever event comes first creates the session: a lost or late Started must not lose the energy.
            tx = new ChargingTransaction
            {
                StationId = e.StationId,
                OcppTransactionId = e.OcppTransactionId,
                EvseId = e.EvseId ?? 0,
                ConnectorId = e.ConnectorId ?? 1,
                StartedAt = e.Timestamp,
            };
            db.Transactions.Add(tx);
            await db.SaveChangesAsync(ct);
        }
        else if (await db.TransactionEvents.AnyAsync(r => r.TransactionId == tx.Id && r.SeqNo == e.SeqNo, ct))
        {
            return new AppliedTransactionEvent(tx.Id, tx.EvseId, tx.ConnectorId, false, false, false, false, tx.IdTag, tx.Status);
        }

        db.TransactionEvents.Add(new TransactionEventRecord
        {
            TransactionId = tx.Id,
            SeqNo = e.SeqNo,
            EventType = e.Kind.ToString(),
            TriggerReason = e.TriggerReason,
            Timestamp = e.Timestamp,
            ReceivedAt = time.GetUtcNow(),
        });

        var isNewest = e.SeqNo >= tx.LastSeqNo;
        var placed = ApplyPlace(tx, e);
        var tokenAssigned = ApplyToken(tx, e.Token);
        ApplyStartReading(tx, e);
        if (e.ReservationId is { } reservationId)
        {
            tx.ReservationId ??= reservationId;
        }

        if (e.RemoteStartId is { } remoteStartId && tx.RemoteStartId is null)
        {
            tx.RemoteStartId = remoteStartId;
            await db.RemoteStartRequests.Where(r => r.StationId == e.StationId && r.RemoteStartId == remoteStartId && r.TransactionId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.TransactionId, tx.Id), ct);
        }

        if (e.ChargingState is { } state && isNewest)
        {
            tx.ChargingState = state;
        }

        var ended = e.Kind == TransactionEventKind.Ended && tx.Status == TransactionStatus.Active;
        if (ended)
        {
            tx.Status = TransactionStatus.Completed;
            tx.StoppedAt = e.Timestamp;
            tx.StopReason = e.StopReason;
            if (e.MeterStopWh is { } meterStop)
            {
                tx.MeterStopWh = meterStop;
                tx.MeterStartWh ??= meterStop - tx.EnergyWh;
                tx.EnergyWh = Math.Max(0, meterStop - tx.MeterStartWh.Value);
            }
        }

        tx.LastSeqNo = Math.Max(tx.LastSeqNo, e.SeqNo);
        try
        {
            await db.SaveChangesAsync(ct);
            await commit.CommitAsync(ct);
        }
        catch (DbUpdateException) when (!created)
        {
            // Another node applied this very seqNo at the same moment: it is a replay here.
            return new AppliedTransactionEvent(tx.Id, tx.EvseId, tx.ConnectorId, false, false, false, false, tx.IdTag, tx.Status);
        }

        if (created)
        {
            events.Publish(new TransactionStarted(e.StationId, tx.StartedAt, tx.OcppTransactionId, tx.EvseId, tx.ConnectorId, tx.IdTag));
        }

        if (ended)
        {
            events.Publish(new TransactionEnded(e.StationId, e.Timestamp, tx.OcppTransactionId, tx.EnergyWh, e.StopReason));
        }

        return new AppliedTransactionEvent(tx.Id, tx.EvseId, tx.ConnectorId, true, created, tokenAssigned, ended, tx.IdTag, tx.Status, isNewest, placed);
    }

    /// <summary>Evse and connector as soon as an event names them (E01.FR.16: after the cable is plugged in); the earliest time as the start.</summary>
    private static bool ApplyPlace(ChargingTransaction tx, TransactionEventInput e)
    {
        var placed = false;
        if (e.EvseId is { } evse && tx.EvseId == 0)
        {
            tx.EvseId = evse;
            tx.ConnectorId = e.ConnectorId ?? tx.ConnectorId;
            placed = evse > 0;
        }

        if (e.Kind == TransactionEventKind.Started || e.Timestamp < tx.StartedAt)
        {
            tx.StartedAt = e.Timestamp;
        }

        return placed;
    }

    /// <summary>True when the session got its owner from this event (it had none, or only one from a later event).</summary>
    private static bool ApplyToken(ChargingTransaction tx, SessionToken? token)
    {
        if (token is null || (tx.IdTagRank is { } rank && rank <= token.Rank))
        {
            return false;
        }

        var changed = tx.IdTag != token.IdTag || tx.UserId != token.UserId;
        tx.IdTag = token.IdTag;
        tx.UserId = token.UserId;
        tx.IdTokenType = token.Type;
        tx.IdTagRank = token.Rank;
        tx.FreeVend = token.FreeVend;
        return changed;
    }

    /// <summary>
    /// The Transaction.Begin reading is the start, even when it arrives after later samples set a provisional one
    /// (the energy so far moves with it).
    /// </summary>
    private static void ApplyStartReading(ChargingTransaction tx, TransactionEventInput e)
    {
        if (e.MeterStartWh is not { } start || tx.MeterStartWh == start)
        {
            return;
        }

        if (tx.MeterStartWh is { } provisional)
        {
            tx.EnergyWh = tx.MeterStopWh is { } stop ? Math.Max(0, stop - start) : Math.Max(0, tx.EnergyWh + provisional - start);
        }

        tx.MeterStartWh = start;
    }
}
