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

    /// <summary>Open sessions on the connector that started before <paramref name="newSessionId"/> did.</summary>
    public Task<int> CloseSupersededAsync(string stationId, int connectorId, long newSessionId, DateTimeOffset newStartedAt, CancellationToken ct) =>
        CloseAsync(stationId, connectorId, t => t.Id != newSessionId && t.StartedAt <= newStartedAt, ct);

    /// <summary>Open sessions on a connector reported Available after a boot that came after they started.</summary>
    public async Task<int> CloseAfterRebootAsync(string stationId, int connectorId, CancellationToken ct)
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
        return await CloseAsync(stationId, connectorId, t => t.StartedAt < booted, ct);
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

    private async Task<int> CloseAsync(string stationId, int connectorId, Func<ChargingTransaction, bool> abandoned, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var turn = await writeGate.EnterAsync(ct);
        var open = (await db.Transactions.Where(t => t.StationId == stationId && t.ConnectorId == connectorId && t.Status == TransactionStatus.Active)
            .ToListAsync(ct)).Where(abandoned).ToList();
        foreach (var session in open)
        {
            var lastSample = (await db.MeterValues.AsNoTracking().Where(m => m.TransactionId == session.Id)
                .Select(m => m.Timestamp).ToListAsync(ct)).DefaultIfEmpty(session.StartedAt).Max();
            session.Status = TransactionStatus.Completed;
            session.StoppedAt = lastSample;
            session.StopReason = Reason;
            session.MeterStopWh = session.MeterStartWh + session.EnergyWh;
        }

        await db.SaveChangesAsync(ct);
        foreach (var session in open)
        {
            events.Publish(new TransactionEnded(stationId, session.StoppedAt!.Value, session.OcppTransactionId, session.EnergyWh, Reason));
        }

        return open.Count;
    }
}
