using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

public sealed record TransactionStart(
    string StationId,
    int EvseId,
    int ConnectorId,
    string? OcppTransactionId,
    string? IdTag,
    string? UserId,
    long? MeterStartWh,
    DateTimeOffset StartedAt,
    int? ReservationId,
    int? SeqNo = null);

public sealed record TransactionStop(string StationId, string OcppTransactionId, long? MeterStopWh, DateTimeOffset StoppedAt, string? Reason, int? SeqNo = null);

public sealed record RecordedTransaction(long Id, string OcppTransactionId, bool IsNew);

/// <summary>
/// Starts and stops charging sessions. Every operation is idempotent: a station that repeats a
/// message after a reconnect finds the session it already created and changes nothing twice.
/// </summary>
public sealed class TransactionRecorder(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events)
{
    private const string PendingPrefix = "pending-";

    public async Task<RecordedTransaction> StartAsync(TransactionStart start, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var turn = await writeGate.EnterAsync(ct);
        var existing = start.OcppTransactionId is { } txId
            ? await db.Transactions.FirstOrDefaultAsync(t => t.StationId == start.StationId && t.OcppTransactionId == txId, ct)
            // 1.6 has no station-side id: the same connector, start time and meter reading identify a repeated StartTransaction.
            : await db.Transactions.FirstOrDefaultAsync(t => t.StationId == start.StationId && t.ConnectorId == start.ConnectorId
                && t.StartedAt == start.StartedAt && t.MeterStartWh == start.MeterStartWh, ct);
        if (existing is not null)
        {
            if (existing.OcppTransactionId.StartsWith(PendingPrefix, StringComparison.Ordinal))
            {
                // Written by a version that stored the placeholder and the id in two commits, and stopped in between.
                existing.OcppTransactionId = existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await db.SaveChangesAsync(ct);
            }

            if (start.SeqNo is { } seq && seq > existing.LastSeqNo)
            {
                existing.LastSeqNo = seq;
                existing.IdTag ??= start.IdTag;
                existing.MeterStartWh ??= start.MeterStartWh;
                await db.SaveChangesAsync(ct);
            }

            return new RecordedTransaction(existing.Id, existing.OcppTransactionId, false);
        }

        // 1.6: the CSMS hands out the transaction id, per station (see AllocateOcppIdAsync), in the same database
        // transaction as the row.
        await using var commit = start.OcppTransactionId is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = new ChargingTransaction
        {
            StationId = start.StationId,
            EvseId = start.EvseId,
            ConnectorId = start.ConnectorId,
            OcppTransactionId = start.OcppTransactionId ?? await AllocateOcppIdAsync(db, start.StationId, ct),
            IdTag = start.IdTag,
            UserId = start.UserId,
            MeterStartWh = start.MeterStartWh,
            StartedAt = start.StartedAt,
            ReservationId = start.ReservationId,
            LastSeqNo = start.SeqNo ?? -1,
        };
        db.Transactions.Add(transaction);
        await db.SaveChangesAsync(ct);
        if (commit is not null)
        {
            await commit.CommitAsync(ct);
        }

        events.Publish(new TransactionStarted(start.StationId, start.StartedAt, transaction.OcppTransactionId, start.EvseId, start.ConnectorId, start.IdTag));
        return new RecordedTransaction(transaction.Id, transaction.OcppTransactionId, true);
    }

    /// <returns>False when the station names a transaction the CSMS never saw.</returns>
    public async Task<bool> StopAsync(TransactionStop stop, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var turn = await writeGate.EnterAsync(ct);
        var transaction = await db.Transactions.FirstOrDefaultAsync(t => t.StationId == stop.StationId && t.OcppTransactionId == stop.OcppTransactionId, ct);
        if (transaction is null)
        {
            return false;
        }

        if (transaction.Status == TransactionStatus.Completed)
        {
            return true;
        }

        transaction.Status = TransactionStatus.Completed;
        transaction.StoppedAt = stop.StoppedAt;
        transaction.StopReason = stop.Reason;
        transaction.LastSeqNo = Math.Max(transaction.LastSeqNo, stop.SeqNo ?? -1);
        if (stop.MeterStopWh is { } meterStop)
        {
            transaction.MeterStopWh = meterStop;
            transaction.MeterStartWh ??= meterStop - transaction.EnergyWh;
            transaction.EnergyWh = Math.Max(0, meterStop - transaction.MeterStartWh.Value);
        }

        await db.SaveChangesAsync(ct);
        events.Publish(new TransactionEnded(stop.StationId, stop.StoppedAt, stop.OcppTransactionId, transaction.EnergyWh, stop.Reason));
        return true;
    }

    /// <summary>
    /// The next 1.6 transactionId of a station: its own counter, so it fits the protocol's int whatever the row ids
    /// grow to; it wraps to 1 before int.MaxValue and skips ids the station still has sessions under. A station whose
    /// counter was never used continues above the row ids its sessions were given before.
    /// </summary>
    private static async Task<string> AllocateOcppIdAsync(AppDbContext db, string stationId, CancellationToken ct)
    {
        var station = await db.Stations.FirstAsync(s => s.Id == stationId, ct);
        long last = station.LastOcppTransactionId;
        if (last == 0)
        {
            last = await db.Transactions.Where(t => t.StationId == stationId).MaxAsync(t => (long?)t.Id, ct) ?? 0;
        }

        string id;
        do
        {
            last = last >= int.MaxValue - 1 ? 1 : last + 1;
            id = last.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (await db.Transactions.AnyAsync(t => t.StationId == stationId && t.OcppTransactionId == id, ct));

        station.LastOcppTransactionId = (int)last;
        return id;
    }

    public async Task<ChargingTransaction?> FindAsync(string stationId, string ocppTransactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.StationId == stationId && t.OcppTransactionId == ocppTransactionId, ct);
    }
}
