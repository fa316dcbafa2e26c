using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Sites;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Alerts;

public sealed record AlertDto(
    long Id,
    AlertKind Kind,
    string StationId,
    int EvseId,
    int ConnectorId,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? SiteTimeZoneId = null,
    int? SiteId = null,
    int? Severity = null,
    DateTimeOffset? ClearedAt = null);

/// <summary>
/// A request to open an alert; ignored while an open alert with the same kind, station, connector and subject exists.
/// The subject is what on the station the alert is about beyond the connector (e.g. component/variable).
/// </summary>
public sealed record AlertRequest(AlertKind Kind, string StationId, int EvseId, int ConnectorId, string Message, string? Subject = null, int? Severity = null);

/// <summary>Opens, lists and acknowledges alerts. Changes are announced on the station event stream so every node's pages refresh.</summary>
public sealed class AlertService(IDbContextFactory<AppDbContext> dbFactory, IStationEventPublisher events, TimeProvider time)
{
    /// <summary>The <see cref="StationNotification.Kind"/> used to announce alert changes.</summary>
    public const string NotificationKind = "Alert";

    /// <summary>Opens the alert unless the same one is already open. True when a new alert was opened.</summary>
    public async Task<bool> RaiseAsync(AlertRequest request, CancellationToken ct)
    {
        var key = Alert.KeyFor(request.Kind, request.StationId, request.EvseId, request.ConnectorId, request.Subject);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Alerts.AnyAsync(a => a.OpenKey == key, ct))
        {
            return false;
        }

        var now = time.GetUtcNow();
        db.Alerts.Add(new Alert
        {
            Kind = request.Kind,
            StationId = request.StationId,
            EvseId = request.EvseId,
            ConnectorId = request.ConnectorId,
            Message = request.Message.Length > 500 ? request.Message[..500] : request.Message,
            RaisedAt = now,
            Severity = request.Severity,
            OpenKey = key,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another raiser opened the same alert between our check and insert: the unique OpenKey refused ours.
            return false;
        }

        events.Publish(new StationNotification(request.StationId, now, NotificationKind, "Raised"));
        return true;
    }

    /// <summary>Closes the open alert the station reported gone. True when there was one.</summary>
    public async Task<bool> ClearAsync(AlertKind kind, string stationId, int evseId, int connectorId, string? subject, CancellationToken ct)
    {
        var key = Alert.KeyFor(kind, stationId, evseId, connectorId, subject);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cleared = await db.Alerts.Where(a => a.OpenKey == key)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.ClearedAt, now).SetProperty(a => a.OpenKey, (string?)null), ct);
        if (cleared > 0)
        {
            events.Publish(new StationNotification(stationId, now, NotificationKind, "Cleared"));
        }

        return cleared > 0;
    }

    /// <summary>Acknowledges an open alert. False when it does not exist, is outside the scope, or is already acknowledged.</summary>
    public async Task<bool> AcknowledgeAsync(long id, SiteScope scope, string actor, string? userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await Visible(db, scope).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null || alert.AcknowledgedAt is not null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        alert.AcknowledgedAt = now;
        alert.AcknowledgedBy = actor.Length > 256 ? actor[..256] : actor;
        alert.AcknowledgedByUserId = userId;
        alert.OpenKey = null;
        await db.SaveChangesAsync(ct);
        events.Publish(new StationNotification(alert.StationId, now, NotificationKind, "Acknowledged"));
        return true;
    }

    public Task<IReadOnlyList<AlertDto>> ListAsync(SiteScope scope, bool openOnly, int take, CancellationToken ct) =>
        ListAsync(scope, openOnly, stationId: null, skip: 0, take, ct);

    public async Task<IReadOnlyList<AlertDto>> ListAsync(SiteScope scope, bool openOnly, string? stationId, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Query(db, scope, openOnly, stationId).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000))
            .Select(a => new AlertDto(a.Id, a.Kind, a.StationId, a.EvseId, a.ConnectorId, a.Message, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy,
                db.Stations.Where(s => s.Id == a.StationId).Select(s => s.Site!.TimeZoneId).FirstOrDefault(),
                db.Stations.Where(s => s.Id == a.StationId).Select(s => s.SiteId).FirstOrDefault(),
                a.Severity, a.ClearedAt))
            .ToListAsync(ct);
    }

    public async Task<int> CountAsync(SiteScope scope, bool openOnly, string? stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Query(db, scope, openOnly, stationId).CountAsync(ct);
    }

    private static IQueryable<Alert> Query(AppDbContext db, SiteScope scope, bool openOnly, string? stationId)
    {
        var query = Visible(db, scope).AsNoTracking();
        if (openOnly)
        {
            query = query.Where(a => a.AcknowledgedAt == null && a.ClearedAt == null);
        }

        return stationId is null ? query : query.Where(a => a.StationId == stationId);
    }

    public async Task<int> OpenCountAsync(SiteScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Visible(db, scope).CountAsync(a => a.AcknowledgedAt == null && a.ClearedAt == null, ct);
    }

    private static IQueryable<Alert> Visible(AppDbContext db, SiteScope scope) =>
        scope.AllSites
            ? db.Alerts
            : db.Alerts.Where(a => db.Stations.Any(s => s.Id == a.StationId && s.SiteId != null && scope.SiteIds.Contains(s.SiteId.Value)));
}
