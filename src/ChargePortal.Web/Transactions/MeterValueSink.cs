using System.Threading.Channels;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Transactions.Signing;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// Meter values are written in batches by a background writer: a station's receive loop only
/// queues them, so one slow database write never stalls other stations, and a thousand stations'
/// samples cost one round trip instead of a thousand.
/// </summary>
public sealed class MeterValueSink(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    IStationEventPublisher events,
    StationMeterKeys meterKeys,
    TimeProvider time,
    ILogger<MeterValueSink> logger)
    : BackgroundService
{
    private const int MaxBatchesPerFlush = 500;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    // Bounded: if the database cannot keep up, stations are slowed down (back-pressure) rather than data dropped.
    private readonly Channel<MeterReadingBatch> _queue = Channel.CreateBounded<MeterReadingBatch>(new BoundedChannelOptions(50_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private long _pending;

    /// <summary>Batches queued but not yet written (tests wait for 0).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public ValueTask EnqueueAsync(MeterReadingBatch batch, CancellationToken ct)
    {
        if (batch.Samples.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        Interlocked.Increment(ref _pending);
        return _queue.Writer.WriteAsync(batch, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var buffer = new List<MeterReadingBatch>(MaxBatchesPerFlush);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a batch gather (fewer, larger transactions) unless a full one is already waiting: a large fleet
                // sends more than one flush an interval, and waiting anyway would let the queue grow without end.
                if (Pending < MaxBatchesPerFlush)
                {
                    await Task.Delay(FlushInterval, time, stoppingToken);
                }

                while (buffer.Count < MaxBatchesPerFlush && _queue.Reader.TryRead(out var batch))
                {
                    buffer.Add(batch);
                }

                await FlushAsync(buffer, stoppingToken);
                buffer.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is still queued so nothing a station reported is lost.
            while (_queue.Reader.TryRead(out var batch))
            {
                buffer.Add(batch);
            }

            await FlushAsync(buffer, CancellationToken.None);
        }
    }

    private async Task FlushAsync(List<MeterReadingBatch> batches, CancellationToken ct)
    {
        if (batches.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(batches, ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Writing {Count} meter value batches failed; retrying them one by one", batches.Count);
            foreach (var batch in batches)
            {
                try
                {
                    await WriteAsync([batch], ct);
                }
                catch (Exception single) when (single is DbUpdateException or InvalidOperationException)
                {
                    logger.LogError(single, "Meter values of {StationId} could not be stored; they remain in the OCPP message log", batch.StationId);
                }
            }
        }
        finally
        {
            Interlocked.Add(ref _pending, -batches.Count);
        }
    }

    private async Task WriteAsync(IReadOnlyList<MeterReadingBatch> batches, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var registers = new Dictionary<long, (long Min, long Max)>();
        var rows = new List<MeterValue>();
        var signed = new List<SignedMeterReading>();
        var sessions = await LoadCandidateSessionsAsync(db, batches, ct);
        foreach (var batch in batches)
        {
            var transaction = Resolve(sessions, batch);
            foreach (var sample in batch.Samples)
            {
                if (sample.Signed is { } reading)
                {
                    signed.Add(SignedRow(batch, transaction?.Id, sample, reading));
                }

                if (!sample.IsReading)
                {
                    continue;
                }

                rows.Add(new MeterValue
                {
                    StationId = batch.StationId,
                    EvseId = batch.EvseId,
                    TransactionId = transaction?.Id,
                    Timestamp = sample.Timestamp,
                    Measurand = sample.Measurand,
                    Phase = sample.Phase,
                    Unit = sample.Unit,
                    Context = sample.Context,
                    Location = sample.Location,
                    Value = sample.Value,
                });
                if (transaction is not null && sample.EnergyRegisterWh is { } wh)
                {
                    registers[transaction.Id] = registers.TryGetValue(transaction.Id, out var r) ? (Math.Min(r.Min, wh), Math.Max(r.Max, wh)) : (wh, wh);
                }
            }

            var last = batch.Samples.MaxBy(s => s.Timestamp)!;
            events.Publish(new MeterValuesReceived(batch.StationId, last.Timestamp, batch.EvseId, transaction?.OcppTransactionId,
                batch.Samples.Select(s => s.EnergyRegisterWh).LastOrDefault(v => v is not null),
                batch.Samples.Select(s => s.ActivePowerW).LastOrDefault(v => v is not null)));
        }

        using (await writeGate.EnterAsync(ct))
        {
            await RowInserter.InsertAsync(db, rows, ct);
            foreach (var (id, (min, max)) in registers)
            {
                await ApplyEnergyAsync(db, id, min, max, ct);
            }

            if (signed.Count > 0)
            {
                db.SignedMeterReadings.AddRange(signed);
                await db.SaveChangesAsync(ct);
            }
        }

        foreach (var station in signed.Where(r => r.PublicKey is not null).GroupBy(r => r.StationId))
        {
            await meterKeys.RememberAsync(station.Key, [.. station.Select(r => new ReportedMeterKey(r.EvseId, r.PublicKey!, StationMeterKeys.FromSignedValue))], ct);
        }
    }

    private static SignedMeterReading SignedRow(MeterReadingBatch batch, long? transactionId, MeterSample sample, SignedReading reading) => new()
    {
        StationId = batch.StationId,
        EvseId = batch.EvseId,
        TransactionId = transactionId,
        Timestamp = sample.Timestamp,
        Measurand = sample.Measurand,
        Context = sample.Context,
        Value = sample.IsReading ? sample.Value : null,
        Unit = sample.Unit,
        Format = sample.IsReading ? null : SignedReading.V16Format,
        SignedMeterData = reading.SignedMeterData,
        SigningMethod = reading.SigningMethod,
        EncodingMethod = reading.EncodingMethod,
        PublicKey = reading.PublicKeyOrNull,
    };

    /// <summary>
    /// The sessions a flush's samples may belong to, in ONE query: a thousand stations' samples must not cost a
    /// thousand round trips.
    /// </summary>
    private static async Task<List<ChargingTransaction>> LoadCandidateSessionsAsync(AppDbContext db, IReadOnlyList<MeterReadingBatch> batches, CancellationToken ct)
    {
        var stationIds = batches.Select(b => b.StationId).Distinct().ToList();
        var named = batches.Where(b => b.OcppTransactionId is not null).Select(b => b.OcppTransactionId!).Distinct().ToList();
        var unnamed = batches.Where(b => b.OcppTransactionId is null).ToList();
        var earliest = unnamed.Count == 0 ? DateTimeOffset.MaxValue : unnamed.Min(b => b.Samples[0].Timestamp);
        return await db.Transactions.AsNoTracking()
            .Where(t => stationIds.Contains(t.StationId) && (named.Contains(t.OcppTransactionId) || t.StoppedAt == null || t.StoppedAt >= earliest))
            .ToListAsync(ct);
    }

    private static ChargingTransaction? Resolve(List<ChargingTransaction> sessions, MeterReadingBatch batch)
    {
        if (batch.OcppTransactionId is { } txId)
        {
            return sessions.Find(t => t.StationId == batch.StationId && t.OcppTransactionId == txId);
        }

        // No transaction named: the session that was running on this EVSE (1.6: connector) when the sample was
        // taken; samples queued while offline carry their old timestamps and still land in the right session.
        var at = batch.Samples[0].Timestamp;
        return sessions
            .Where(t => t.StationId == batch.StationId && t.EvseId == batch.EvseId && t.StartedAt <= at && (t.StoppedAt == null || t.StoppedAt >= at))
            .MaxBy(t => t.StartedAt);
    }

    /// <summary>
    /// Energy is derived from the register, never summed, so replayed samples cannot double-count it; and it is
    /// updated by conditional SQL so a concurrent StopTransaction's final figure is never overwritten.
    /// </summary>
    private async Task ApplyEnergyAsync(AppDbContext db, long transactionId, long minRegister, long maxRegister, CancellationToken ct)
    {
        await db.Transactions.Where(t => t.Id == transactionId && t.MeterStartWh == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.MeterStartWh, minRegister), ct);
        var updated = await db.Transactions
            .Where(t => t.Id == transactionId && t.Status == TransactionStatus.Active && t.MeterStartWh != null && t.EnergyWh < maxRegister - t.MeterStartWh)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.EnergyWh, t => maxRegister - t.MeterStartWh!.Value), ct);
        if (updated > 0)
        {
            var transaction = await db.Transactions.AsNoTracking().Where(t => t.Id == transactionId)
                .Select(t => new { t.StationId, t.OcppTransactionId, t.EnergyWh }).FirstAsync(ct);
            events.Publish(new TransactionUpdated(transaction.StationId, time.GetUtcNow(), transaction.OcppTransactionId, transaction.EnergyWh));
        }
    }
}
