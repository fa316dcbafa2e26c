using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>
/// Appends every FirmwareStatusNotification to the station's latest firmware update, so the timeline survives a
/// reload and any node can show it. A status with no update on record (the station updated on its own, or
/// reports Idle) starts a record of its own so nothing a station reports is dropped.
/// </summary>
public sealed class FirmwareStatusRecorder(
    IStationEventStream events,
    IDbContextFactory<AppDbContext> dbFactory,
    IClusterSingletonGate gate,
    AlertService alerts,
    ILogger<FirmwareStatusRecorder> logger) : StationEventFollower(events)
{
    protected override ILogger Logger => logger;

    public const string Job = "firmware-status-recorder";
    public const string NotificationKind = "Firmware";

    protected override LiveFilter Filter { get; } = LiveFilter.Everything.Of(typeof(StationNotification));

    protected override async Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
    {
        if (stationEvent is StationNotification { Kind: NotificationKind } notification && await gate.IsLeaderAsync(Job, ct))
        {
            await RecordAsync(notification, ct);
        }
    }

    public async Task RecordAsync(StationNotification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A local controller's publications have a timeline of their own (PublishFirmwareRecorder).
        var candidates = await db.FirmwareUpdates.Where(f => f.StationId == notification.StationId && f.Kind == FirmwareJobKind.Update)
            .Select(f => new { f.Id, f.RequestedAt }).ToListAsync(ct);
        var latest = candidates.OrderByDescending(f => f.RequestedAt).ThenByDescending(f => f.Id).FirstOrDefault();
        int updateId;
        if (latest is null)
        {
            // Idle with nothing on record is a station saying "no update running": there is no timeline to start.
            if (notification.Status == "Idle" || !await db.Stations.AnyAsync(s => s.Id == notification.StationId, ct))
            {
                return;
            }

            var own = new FirmwareUpdate
            {
                StationId = notification.StationId,
                Location = "",
                RetrieveAt = notification.At,
                RequestedAt = notification.At,
                RequestedBy = "station",
                Answer = "Reported by the station",
            };
            db.FirmwareUpdates.Add(own);
            await db.SaveChangesAsync(ct);
            updateId = own.Id;
        }
        else
        {
            updateId = latest.Id;
        }

        db.FirmwareStatusEntries.Add(new FirmwareStatusEntry { FirmwareUpdateId = updateId, Status = notification.Status, At = notification.At });
        await db.SaveChangesAsync(ct);
        if (FirmwareFailures.IsFailure(notification.Status))
        {
            await alerts.RaiseAsync(FirmwareFailures.Alert(notification.StationId, updateId, $"Firmware update failed: {notification.Status}."), ct);
        }
    }
}
