using System.Threading.Channels;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Ocpp.MessageLog;

/// <summary>
/// Keeps every OCPP frame in and out, written in batches off the receive path. The log is what
/// lets a disputed bill be re-derived, so frames queued at shutdown are still written.
/// The queue is bounded (<see cref="OcppOptions.MessageLogQueueLimit"/> frames, <see cref="OcppOptions.MessageLogQueueMegabytes"/>
/// of text): should the database fall that far behind, or a station stream large frames faster than they are written,
/// the oldest queued frames are dropped rather than the host running out of memory. Each drop is counted
/// (<c>chargeportal.queue.dropped{queue="message_log"}</c>) and logged once per burst.
/// </summary>
public sealed class OcppMessageLogWriter : BackgroundService
{
    public const string QueueName = "message_log";
    private const int MaxPerFlush = 2_000;
    private const int RowsPerWriteTurn = 250;

    // Short: every queued entry (a frame's text and its row) is still alive when the garbage collector runs, and what
    // survives a collection is copied, pausing every connection meanwhile. At ten thousand stations a 250 ms wait kept
    // ~5,000 entries queued and made each pause tens of milliseconds longer. SQLite commits in WAL mode without an
    // fsync, so the extra transactions cost little.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(20);

    // Not single-reader: a producer that finds the queue over its bounds takes the oldest entries out itself.
    private readonly Channel<OcppMessageLogEntry> _queue = Channel.CreateUnbounded<OcppMessageLogEntry>();
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly DatabaseWriteGate _writeGate;
    private readonly OcppMetrics _metrics;
    private readonly ILogger<OcppMessageLogWriter> _logger;
    private readonly long _maxEntries;
    private readonly long _maxChars;
    private long _pending;
    private long _pendingChars;
    private long _dropped;
    private int _dropBurstLogged;

    public OcppMessageLogWriter(
        IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, OcppMetrics metrics,
        IOptions<OcppOptions> options, ILogger<OcppMessageLogWriter> logger)
    {
        _dbFactory = dbFactory;
        _writeGate = writeGate;
        _metrics = metrics;
        _logger = logger;
        _maxEntries = Math.Max(1, options.Value.MessageLogQueueLimit);
        _maxChars = Math.Max(1, options.Value.MessageLogQueueMegabytes) * 1024L * 1024L / sizeof(char);
        metrics.ObserveQueue(QueueName, () => Pending);
    }

    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Frames dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Append(OcppMessageLogEntry entry)
    {
        _metrics.Message(entry.Direction == MessageDirection.FromStation, entry.MessageType, entry.Action);
        Interlocked.Increment(ref _pending);
        Interlocked.Add(ref _pendingChars, entry.Payload.Length);
        _queue.Writer.TryWrite(entry);
        while ((Pending > _maxEntries || Interlocked.Read(ref _pendingChars) > _maxChars) && _queue.Reader.TryRead(out var oldest))
        {
            Release(oldest.Payload.Length, 1);
            Interlocked.Increment(ref _dropped);
            _metrics.Dropped(QueueName);
            if (Interlocked.Exchange(ref _dropBurstLogged, 1) == 0)
            {
                _logger.LogWarning(
                    "The OCPP message log queue is full ({Limit} frames or {Megabytes} MB waiting); the oldest frames are dropped (first: {Action} of {StationId} at {At})",
                    _maxEntries, _maxChars * sizeof(char) / (1024 * 1024), oldest.Action, oldest.StationId, oldest.At);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var buffer = new List<OcppMessageLogEntry>(MaxPerFlush);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a batch gather (fewer, larger transactions) unless a full one is already waiting.
                if (Pending < MaxPerFlush)
                {
                    await Task.Delay(FlushInterval, stoppingToken);
                }

                while (buffer.Count < MaxPerFlush && _queue.Reader.TryRead(out var entry))
                {
                    buffer.Add(entry);
                }

                await FlushAsync(buffer, stoppingToken);
                buffer.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_queue.Reader.TryRead(out var entry))
            {
                buffer.Add(entry);
            }

            await FlushAsync(buffer, CancellationToken.None);
        }
    }

    private async Task FlushAsync(List<OcppMessageLogEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            foreach (var slice in entries.Chunk(RowsPerWriteTurn))
            {
                // A turn per slice: stations' own writes (a status, a transaction) wait for one slice, not the batch.
                using var turn = await _writeGate.EnterAsync(ct);
                await RowInserter.InsertAsync(db, slice, ct);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            _logger.LogError(ex, "Could not write {Count} OCPP message log entries", entries.Count);
        }
        finally
        {
            Release(entries.Sum(e => (long)e.Payload.Length), entries.Count);
            if (Dropped > 0 && Pending < _maxEntries / 2)
            {
                // Caught up: the next full queue is a new burst worth a warning of its own.
                Interlocked.Exchange(ref _dropBurstLogged, 0);
            }
        }
    }

    private void Release(long chars, int count)
    {
        Interlocked.Add(ref _pending, -count);
        Interlocked.Add(ref _pendingChars, -chars);
    }
}

/// <summary>Deletes message-log entries older than <see cref="OcppOptions.MessageLogRetentionDays"/>, hourly, on one node of a cluster.</summary>
public sealed class OcppMessageLogRetention(
    IDbContextFactory<AppDbContext> dbFactory,
    IClusterSingletonGate gate,
    DatabaseWriteGate writeGate,
    Microsoft.Extensions.Options.IOptions<OcppOptions> options,
    TimeProvider time,
    ILogger<OcppMessageLogRetention> logger) : BackgroundService
{
    public const string JobName = "ocpp-message-log-retention";
    private const int PurgeSlice = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                if (!await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    continue;
                }

                var deleted = await PurgeAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Removed {Count} OCPP message log entries past retention", deleted);
                }
            }
            catch (DbUpdateException ex)
            {
                logger.LogWarning(ex, "Message log retention run failed; will retry next hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().AddDays(-Math.Max(1, options.Value.MessageLogRetentionDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var total = 0;
        int deleted;
        do
        {
            // In slices, each its own short write: a day of a large fleet's frames is millions of rows, and
            // one long delete would hold up every station's writes behind it.
            using var turn = await writeGate.EnterAsync(ct);
            deleted = await db.OcppMessageLog.Where(m => m.At < cutoff).OrderBy(m => m.Id).Take(PurgeSlice).ExecuteDeleteAsync(ct);
            total += deleted;
        }
        while (deleted == PurgeSlice);

        return total;
    }
}
