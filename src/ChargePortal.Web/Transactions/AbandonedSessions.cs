using System.Collections.Concurrent;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// Closes 1.6 sessions whose StopTransaction will never come (the station lost power, or lost the message): when their
/// connector starts another transaction, or when the station has rebooted since and reports the connector Available.
/// Such a session ends at its last meter value, with the energy that value shows; the TransactionEnded it publishes
/// prices it and settles its hold like any other.
/// </summary>
public sealed class AbandonedSessions(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events)
{
    /// <summary>What the station would have said had it sent the StopTransaction after the outage (1.6 Reason).</summary>
    public const string Reason = "PowerLoss";

    // Which of the asked connectors have an open session, for every status arriving together.
    private readonly GroupRead<(string StationId, int ConnectorId), bool> _openSessions = new((keys, ct) => ReadOpenAsync(dbFactory, keys, ct));

    // Connectors looked at since their station last booted here. Only sessions that started before that boot are
    // closed, and the first look found them all: the station's next Available statuses (one every few seconds from
    // some stations) need no look until it boots again.
    private readonly ConcurrentDictionary<string, ConnectorSet> _lookedAtSinceBoot = new(StringComparer.Ordinal);
    private long _looks;

    /// <summary>Looks for sessions left open by a reboot so far (each one is a read).</summary>
    public long Looks => Interlocked.Read(ref _looks);

    /// <summary>The station booted: its connectors' next Available statuses look for sessions left open again.</summary>
    public void Booted(string stationId) => _lookedAtSinceBoot.TryRemove(stationId, out _);

    /// <summary>Open sessions on the connector that started before <paramref name="newSessionId"/> did.</summary>
    public Task<int> CloseSupersededAsync(string stationId, int connectorId, long newSessionId, DateTimeOffset newStartedAt, CancellationToken ct) =>
        CloseAsync(stationId, OnConnector(stationId, connectorId), t => t.Id != newSessionId && t.StartedAt <= newStartedAt, Reason, ct);

    /// <summary>One open session the station said it no longer has (2.0.1, <see cref="LostSessions"/>); false when it is not open.</summary>
    public async Task<bool> CloseLostAsync(string stationId, long sessionId, string reason, CancellationToken ct) =>
        await CloseAsync(stationId, db => db.Transactions.Where(t => t.Id == sessionId && t.StationId == stationId && t.Status == TransactionStatus.Active), _ => true, reason, ct) > 0;

    /// <summary>Open sessions on a connector reported Available after a boot that came after they started.</summary>
    public async Task<int> CloseAfterRebootAsync(string stationId, int connectorId, CancellationToken ct)
    {
        if (_lookedAtSinceBoot.TryGetValue(stationId, out var looked) && looked.Contains(connectorId))
        {
            return 0;
        }

        Interlocked.Increment(ref _looks);
        var closed = await CloseOpenBeforeBootAsync(stationId, connectorId, ct);
        _lookedAtSinceBoot.AddOrUpdate(stationId, static (_, id) => ConnectorSet.Of(id), static (_, set, id) => set.With(id), connectorId);
        return closed;
    }

    private async Task<int> CloseOpenBeforeBootAsync(string stationId, int connectorId, CancellationToken ct)
    {
        // Nearly every call finds no open session: no turn at the write gate (which every station's Available status
        // after a reboot would otherwise take, one after the other, in a reconnect storm), and the look for one is
        // shared with the other stations reporting at the same time (it was a quarter of the host's CPU in a storm).
        if (!await _openSessions.ReadAsync((stationId, connectorId), ct))
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var bootAt = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => s.LastBootAt).FirstOrDefaultAsync(ct);
        if (bootAt is not { } booted)
        {
            return 0;
        }

        // Filtered in memory: DateTimeOffset comparisons are not translatable on every provider (a connector has few open sessions).
        return await CloseAsync(stationId, OnConnector(stationId, connectorId), t => t.StartedAt < booted, Reason, ct);
    }

    private static async Task<IReadOnlyDictionary<(string StationId, int ConnectorId), bool>> ReadOpenAsync(
        IDbContextFactory<AppDbContext> dbFactory, IReadOnlyCollection<(string StationId, int ConnectorId)> keys, CancellationToken ct)
    {
        var stationIds = keys.Select(k => k.StationId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Transactions.AsNoTracking()
            .Where(t => t.Status == TransactionStatus.Active && stationIds.Contains(t.StationId))
            .Select(t => new { t.StationId, t.ConnectorId }).Distinct().ToListAsync(ct);
        return open.Select(o => (o.StationId, o.ConnectorId)).Distinct().ToDictionary(k => k, _ => true);
    }

    /// <summary>A station's few connector ids, replaced rather than changed so readers need no lock.</summary>
    private sealed record ConnectorSet(int[] Ids)
    {
        public static ConnectorSet Of(int id) => new([id]);

        public bool Contains(int id) => Array.IndexOf(Ids, id) >= 0;

        public ConnectorSet With(int id) => Contains(id) ? this : new([.. Ids, id]);
    }

    private static Func<AppDbContext, IQueryable<ChargingTransaction>> OnConnector(string stationId, int connectorId) =>
        db => db.Transactions.Where(t => t.StationId == stationId && t.ConnectorId == connectorId && t.Status == TransactionStatus.Active);

    private async Task<int> CloseAsync(string stationId, Func<AppDbContext, IQueryable<ChargingTransaction>> candidates, Func<ChargingTransaction, bool> abandoned,
        string reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var turn = await writeGate.EnterAsync(ct);
        var open = (await candidates(db).ToListAsync(ct)).Where(abandoned).ToList();
        foreach (var session in open)
        {
            var lastSample = (await db.MeterValues.AsNoTracking().Where(m => m.TransactionId == session.Id)
                .Select(m => m.Timestamp).ToListAsync(ct)).DefaultIfEmpty(session.StartedAt).Max();
            session.Status = TransactionStatus.Completed;
            session.StoppedAt = lastSample;
            session.StopReason = reason;
            session.MeterStopWh = session.MeterStartWh + session.EnergyWh;
        }

        await db.SaveChangesAsync(ct);
        foreach (var session in open)
        {
            events.Publish(new TransactionEnded(stationId, session.StoppedAt!.Value, session.OcppTransactionId, session.EnergyWh, reason));
        }

        return open.Count;
    }
}
