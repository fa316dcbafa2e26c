using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Alerts;

/// <summary>
/// Finds stations that claim to be online but have not been heard from for two heartbeat intervals
/// (the socket may be half-open) and opens a StationOffline alert for each.
/// </summary>
public sealed class OfflineDetector(IDbContextFactory<AppDbContext> dbFactory, AlertService alerts, TimeProvider time)
{
    /// <summary>Runs one check; returns how many new alerts were opened.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<(string Id, DateTimeOffset? LastSeenAt, int Interval)> online;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Each station has its own interval, so the age test runs here rather than in SQL.
            online = [.. (await db.Stations.AsNoTracking().Where(s => s.IsOnline)
                .Select(s => new { s.Id, s.LastSeenAt, s.HeartbeatIntervalSeconds }).ToListAsync(ct))
                .Select(s => (s.Id, s.LastSeenAt, s.HeartbeatIntervalSeconds))];
        }

        var opened = 0;
        foreach (var station in online)
        {
            if (IsSilent(station.LastSeenAt, station.Interval, now)
                && await alerts.RaiseAsync(new AlertRequest(AlertKind.StationOffline, station.Id, 0, 0, Describe(station.LastSeenAt, now)), ct))
            {
                opened++;
            }
        }

        return opened;
    }

    public static bool IsSilent(DateTimeOffset? lastSeenAt, int heartbeatIntervalSeconds, DateTimeOffset now) =>
        lastSeenAt is null || now - lastSeenAt.Value > TimeSpan.FromSeconds(2 * (double)Math.Max(1, heartbeatIntervalSeconds));

    private static string Describe(DateTimeOffset? lastSeenAt, DateTimeOffset now) => lastSeenAt is { } seen
        ? FormattableString.Invariant($"No message for {(int)(now - seen).TotalMinutes} min (last seen {seen.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z) although the connection is open.")
        : "Marked online but never heard from.";
}
