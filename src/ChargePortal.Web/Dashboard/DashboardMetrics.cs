using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Sites;

namespace ChargePortal.Web.Dashboard;

public enum DashboardPeriod
{
    Today,
    Last7Days,
    Last30Days,
}

/// <summary>The window a period covers: whole days in <see cref="Zone"/> (the sites' own), the last one up to now.</summary>
public sealed record DashboardWindow(DateTimeOffset From, DateTimeOffset To, int Days, TimeZoneInfo Zone)
{
    public static DashboardWindow For(DashboardPeriod period, DateTimeOffset now, TimeZoneInfo zone)
    {
        var days = period switch
        {
            DashboardPeriod.Today => 1,
            DashboardPeriod.Last7Days => 7,
            _ => 30,
        };
        return new DashboardWindow(SiteTime.StartOfDay(DayOf(now, zone).AddDays(1 - days), zone), now, days, zone);
    }

    public TimeSpan Length => To - From;

    public DateOnly FirstDay => DayOf(From, Zone);

    public DateOnly DayOf(DateTimeOffset at) => DayOf(at, Zone);

    private static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}

public sealed record SessionFact(DateTimeOffset StartedAt, DateTimeOffset? StoppedAt, long EnergyWh, decimal? Cost, string? Currency);

public sealed record StationFact(string Id, bool IsOnline, DateTimeOffset? LastSeenAt, int Connectors);

public sealed record OfflineInterval(string StationId, DateTimeOffset From, DateTimeOffset? To);

public sealed record DayFigure(DateOnly Day, double EnergyKwh, IReadOnlyDictionary<string, decimal> Revenue);

/// <summary>The dashboard's KPIs; the period and the per-day figures follow the calendar days of <c>DayZone</c>.</summary>
public sealed record DashboardFigures(
    double EnergyKwh,
    IReadOnlyDictionary<string, decimal> Revenue,
    int Sessions,
    double UtilisationPercent,
    double UptimePercent,
    IReadOnlyList<DayFigure> Days,
    string DayZone);

/// <summary>The dashboard's KPIs from facts already narrowed to the window by the database.</summary>
public static class DashboardCalculator
{
    public const string UptimeMethod =
        "Approximation: each station counts as down from a 'station offline' alert until it is acknowledged, and from its last message " +
        "while it is disconnected now; uptime = 1 − down time ÷ (stations × period). Stations that never connected are not in service yet and are left out.";

    public const string UtilisationMethod = "Charging time of all sessions in the period ÷ (connectors × period length).";

    public static DashboardFigures Compute(DashboardWindow window, IReadOnlyList<SessionFact> sessions, IReadOnlyList<StationFact> stations, IReadOnlyList<OfflineInterval> offline)
    {
        var started = sessions.Where(s => s.StartedAt >= window.From && s.StartedAt < window.To).ToList();
        var energy = started.Sum(s => s.EnergyWh) / 1000.0;
        var revenue = SumRevenue(started);

        var connectors = stations.Sum(s => s.Connectors);
        var charging = sessions.Sum(s => Overlap(s.StartedAt, s.StoppedAt ?? window.To, window).Ticks);
        var utilisation = connectors == 0 || window.Length <= TimeSpan.Zero
            ? 0
            : Math.Min(100, 100.0 * charging / (connectors * (double)window.Length.Ticks));

        // A station that never connected is being installed, not failing: counting it down would make a site that
        // adds a charger look less reliable.
        var inService = stations.Where(s => s.LastSeenAt is not null).ToList();
        var down = 0L;
        foreach (var station in inService)
        {
            var intervals = offline.Where(o => o.StationId == station.Id).Select(o => (o.From, To: o.To ?? window.To)).ToList();
            if (!station.IsOnline)
            {
                intervals.Add((station.LastSeenAt ?? window.From, window.To));
            }

            down += Math.Min(window.Length.Ticks, UnionLength(intervals, window));
        }

        var uptime = inService.Count == 0 || window.Length <= TimeSpan.Zero
            ? 100
            : Math.Max(0, 100.0 * (1 - down / (inService.Count * (double)window.Length.Ticks)));

        var days = Enumerable.Range(0, window.Days)
            .Select(window.FirstDay.AddDays)
            .Select(day =>
            {
                var ofDay = started.Where(s => window.DayOf(s.StartedAt) == day).ToList();
                return new DayFigure(day, ofDay.Sum(s => s.EnergyWh) / 1000.0, SumRevenue(ofDay));
            })
            .ToList();

        return new DashboardFigures(energy, revenue, started.Count, utilisation, uptime, days, window.Zone.Id);
    }

    private static Dictionary<string, decimal> SumRevenue(IEnumerable<SessionFact> sessions) =>
        sessions.Where(s => s.Cost is not null && !string.IsNullOrEmpty(s.Currency))
            .GroupBy(s => s.Currency!.ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Cost!.Value), StringComparer.Ordinal);

    private static TimeSpan Overlap(DateTimeOffset from, DateTimeOffset to, DashboardWindow window)
    {
        var start = from > window.From ? from : window.From;
        var end = to < window.To ? to : window.To;
        return end > start ? end - start : TimeSpan.Zero;
    }

    // Overlapping offline intervals (an alert while disconnected) must not count twice.
    private static long UnionLength(List<(DateTimeOffset From, DateTimeOffset To)> intervals, DashboardWindow window)
    {
        long total = 0;
        DateTimeOffset? curStart = null, curEnd = null;
        foreach (var (from, to) in intervals
            .Select(i => (From: i.From > window.From ? i.From : window.From, To: i.To < window.To ? i.To : window.To))
            .Where(i => i.To > i.From).OrderBy(i => i.From))
        {
            if (curEnd is { } end && from <= end)
            {
                curEnd = to > end ? to : end;
                continue;
            }

            if (curStart is { } s && curEnd is { } e)
            {
                total += (e - s).Ticks;
            }

            (curStart, curEnd) = (from, to);
        }

        if (curStart is { } ls && curEnd is { } le)
        {
            total += (le - ls).Ticks;
        }

        return total;
    }
}

/// <summary>Loads the dashboard's facts for a scope: the database filters by time range; sums are taken here.</summary>
public sealed class DashboardMetrics(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<DashboardFigures> ComputeAsync(SiteScope scope, DashboardPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var stationQuery = db.Stations.AsNoTracking();
        if (!scope.AllSites)
        {
            stationQuery = stationQuery.Where(s => s.SiteId != null && scope.SiteIds.Contains(s.SiteId.Value));
        }

        var inScope = await stationQuery
            .Select(s => new { Fact = new StationFact(s.Id, s.IsOnline, s.LastSeenAt, s.Connectors.Count), Zone = s.Site != null ? s.Site.TimeZoneId : null })
            .ToListAsync(ct);
        var stations = inScope.Select(s => s.Fact).ToList();
        var window = DashboardWindow.For(period, time.GetUtcNow(), DayZone([.. inScope.Select(s => s.Zone)]));
        var stationIds = stations.Select(s => s.Id).ToList();

        // DateTimeOffset is stored as binary on SQLite: range filters work in SQL, sums over them do not.
        var sessions = await db.Transactions.AsNoTracking()
            .Where(t => stationIds.Contains(t.StationId) && t.StartedAt < window.To && (t.StoppedAt == null || t.StoppedAt > window.From))
            .Select(t => new SessionFact(t.StartedAt, t.StoppedAt, t.EnergyWh, t.Cost, t.Currency))
            .ToListAsync(ct);

        var offline = await db.Alerts.AsNoTracking()
            .Where(a => a.Kind == AlertKind.StationOffline && stationIds.Contains(a.StationId)
                && a.RaisedAt < window.To && (a.AcknowledgedAt == null || a.AcknowledgedAt > window.From))
            .Select(a => new OfflineInterval(a.StationId, a.RaisedAt, a.AcknowledgedAt))
            .ToListAsync(ct);

        return DashboardCalculator.Compute(window, sessions, stations, offline);
    }

    /// <summary>
    /// The sites' own days when they share a time zone (the usual case: an owner's sites, or one site picked). Sites in
    /// several zones have no common "today", so their days are UTC; a station without a site counts as UTC.
    /// </summary>
    private static TimeZoneInfo DayZone(IReadOnlyList<string?> zoneIds)
    {
        var zones = zoneIds.Select(SiteTime.Zone).DistinctBy(z => z.Id).ToList();
        return zones.Count == 1 ? zones[0] : TimeZoneInfo.Utc;
    }
}
