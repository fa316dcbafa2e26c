using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Ocpp.Diagnostics;

/// <summary>
/// Appends every LogStatusNotification (both versions) and 1.6 DiagnosticsStatusNotification to the upload it is about,
/// so a log request's timeline (Uploading → Uploaded, or a failure) survives a reload and any node can show it. A status
/// with a requestId belongs to the upload of that GetLog; a 1.6 diagnostics status (which has none) to the station's
/// latest GetDiagnostics. A status for a request this CSMS never made (a station's own, or Idle) has no timeline to join.
/// </summary>
public sealed class LogStatusRecorder(
    IStationEventStream events,
    IDbContextFactory<AppDbContext> dbFactory,
    IClusterSingletonGate gate,
    ILogger<LogStatusRecorder> logger) : StationEventFollower(events)
{
    public const string Job = "log-status-recorder";

    /// <summary>The <see cref="StationNotification.Kind"/> of LogStatusNotification.</summary>
    public const string LogKindName = "Log";

    /// <summary>The <see cref="StationNotification.Kind"/> of the 1.6 DiagnosticsStatusNotification.</summary>
    public const string DiagnosticsKindName = "Diagnostics";

    protected override ILogger Logger => logger;

    protected override LiveFilter Filter { get; } = LiveFilter.Everything.Of(typeof(StationNotification));

    protected override async Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
    {
        if (stationEvent is StationNotification { Kind: LogKindName or DiagnosticsKindName } notification && await gate.IsLeaderAsync(Job, ct))
        {
            await RecordAsync(notification, ct);
        }
    }

    public async Task RecordAsync(StationNotification notification, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var uploads = db.DiagnosticsUploads.Where(u => u.StationId == notification.StationId);
        var upload = notification.RequestId is { } requestId
            ? await uploads.Where(u => u.RequestId == requestId).OrderByDescending(u => u.Id).FirstOrDefaultAsync(ct)
            : await uploads.Where(u => u.RequestId == null).OrderByDescending(u => u.Id).FirstOrDefaultAsync(ct);
        if (upload is null)
        {
            logger.LogDebug("{StationId} reported log status {Status} for request {RequestId}, which this CSMS did not make",
                notification.StationId, notification.Status, notification.RequestId);
            return;
        }

        upload.Status = notification.Status;
        db.LogStatusEntries.Add(new LogStatusEntry { DiagnosticsUploadId = upload.Id, Status = notification.Status, At = notification.At });
        await db.SaveChangesAsync(ct);
    }
}
