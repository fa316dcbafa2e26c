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
    string? SiteTimeZoneId = null);

/// <summary>A request to open an alert; ignored while an open alert with the same kind, station and connector exists.</summary>
public sealed record AlertRequest(AlertKind Kind, string StationId, int EvseId, int ConnectorId, string Message);

/// <summary>Opens, lists and acknowledges alerts. Changes are announced on the station event stream so every node's pages refresh.</summary>
public sealed class AlertService(IDbContextFactory<AppDbContext> dbFactory, IStationEventPublisher events, TimeProvider time)
{
    /// <summary>The <see cref="StationNotification.Kind"/> used to announce alert changes.</summary>
    public const string NotificationKind = "Alert";

    /// <summary>Opens the alert unless the same one is already open. True when a new alert was opened.</summary>
    public async Task<bool> RaiseAsync(AlertRequest request, CancellationToken ct)
    {
        var key = Alert.KeyFor(request.Kind, request.StationId, request.EvseId, request.ConnectorId);
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

    public async Task<IReadOnlyList<AlertDto>> ListAsync(SiteScope scope, bool openOnly, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db, scope).AsNoTracking();
        if (openOnly)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }

        return await query.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Take(Math.Clamp(take, 1, 1000))
            .Select(a => new AlertDto(a.Id, a.Kind, a.StationId, a.EvseId, a.ConnectorId, a.Message, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy,
                db.Stations.Where(s => s.Id == a.StationId).Select(s => s.Site!.TimeZoneId).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<int> OpenCountAsync(SiteScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Visible(db, scope).CountAsync(a => a.AcknowledgedAt == null, ct);
    }

    private static IQueryable<Alert> Visible(AppDbContext db, SiteScope scope) =>
        scope.AllSites
            ? db.Alerts
            : db.Alerts.Where(a => db.Stations.Any(s => s.Id == a.StationId && s.SiteId != null && scope.SiteIds.Contains(s.SiteId.Value)));
}
