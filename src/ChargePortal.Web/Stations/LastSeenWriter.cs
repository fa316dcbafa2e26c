using System.Collections.Concurrent;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Stations;

/// <summary>
/// Keeps stations' last-seen times: queued at most once a minute per station, written in batches off the stations'
/// request path. A write per station per minute is, at thousands of stations, more than one message in a hundred
/// waiting for the database: that wait set the tail latency of every message. A time only ever moves a station's
/// last-seen forward, so a batch written after the station disconnected (which records its own, later time) changes
/// nothing.
/// </summary>
public sealed class LastSeenWriter(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    TimeProvider time,
    ILogger<LastSeenWriter> logger) : BackgroundService
{
    // How late a last-seen time may reach the database: far below any heartbeat-based offline check.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);
    private const int StationsPerWriteTurn = 200;

    // Every message marks its station seen; a minute is far finer than anything shown or checked.
    private static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastQueued = new(StringComparer.Ordinal);

    /// <summary>Stations whose time is waiting to be written.</summary>
    public int Pending => _pending.Count;

    /// <summary>The station was heard from at <paramref name="at"/>: queued unless it was queued less than a minute before.</summary>
    public void Seen(string stationId, DateTimeOffset at)
    {
        if (_lastQueued.TryGetValue(stationId, out var queued) && at - queued < Resolution)
        {
            return;
        }

        _lastQueued[stationId] = at;
        Record(stationId, at);
    }

    /// <summary>Queues a time regardless of when the station was last queued; a newer time already queued stays.</summary>
    public void Record(string stationId, DateTimeOffset at) =>
        _pending.AddOrUpdate(stationId, at, (_, queued) => at > queued ? at : queued);

    /// <summary>The station's connection state was just written with <paramref name="at"/>: nothing queued is newer.</summary>
    public void Written(string stationId, DateTimeOffset at)
    {
        _lastQueued[stationId] = at;
        _pending.TryRemove(stationId, out _);
    }

    /// <summary>The station left this node: its disconnect records its own time, and a reconnect starts afresh.</summary>
    public void Forget(string stationId)
    {
        _lastQueued.TryRemove(stationId, out _);
        _pending.TryRemove(stationId, out _);
    }

    /// <summary>Writes every queued time; returns how many stations were written.</summary>
    public async Task<int> FlushAsync(CancellationToken ct)
    {
        if (_pending.IsEmpty)
        {
            return 0;
        }

        var batch = new List<KeyValuePair<string, DateTimeOffset>>(_pending.Count);
        foreach (var entry in _pending)
        {
            // Removed only if unchanged: a station seen again meanwhile stays queued with its newer time.
            if (_pending.TryRemove(entry))
            {
                batch.Add(entry);
            }
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var slice in batch.Chunk(StationsPerWriteTurn))
            {
                using var turn = await writeGate.EnterAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                foreach (var (stationId, at) in slice)
                {
                    await db.Stations.Where(s => s.Id == stationId && (s.LastSeenAt == null || s.LastSeenAt < at))
                        .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, at), ct);
                }

                await transaction.CommitAsync(ct);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // Queued again for the next round; a newer time recorded meanwhile wins.
            logger.LogWarning(ex, "Could not write the last-seen time of {Count} stations; retrying", batch.Count);
            foreach (var (stationId, at) in batch)
            {
                Record(stationId, at);
            }

            return 0;
        }

        return batch.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is still written below.
        }

        await FlushAsync(CancellationToken.None);
    }
}
