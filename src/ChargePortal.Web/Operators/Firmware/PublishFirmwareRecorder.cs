using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Handling;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>
/// Appends a local controller's PublishFirmwareStatusNotification (L03) to the publication it belongs to (same request
/// id, else the station's latest publication) on the station's firmware timeline, with the URIs it now serves the image
/// at. A status for no known publication starts a record of its own, so nothing the station reports is dropped.
/// </summary>
public sealed class PublishFirmwareRecorder(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events, TimeProvider time)
    : IFirmwarePublicationLog
{
    public const string NotificationKind = "PublishFirmware";

    public async Task RecordAsync(string stationId, FirmwarePublicationStatus status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(status);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var publications = await db.FirmwareUpdates.Where(f => f.StationId == stationId && f.Kind == FirmwareJobKind.Publish)
            .Select(f => new { f.Id, f.RequestId, f.RequestedAt }).ToListAsync(ct);
        var match = publications.FirstOrDefault(p => status.RequestId is { } id && p.RequestId == id)
            ?? (status.RequestId is null ? publications.OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id).FirstOrDefault() : null);
        using (await writeGate.EnterAsync(ct))
        {
            long updateId;
            if (match is null)
            {
                var own = new FirmwareUpdate
                {
                    StationId = stationId,
                    Kind = FirmwareJobKind.Publish,
                    RequestId = status.RequestId,
                    Location = "",
                    RetrieveAt = now,
                    RequestedAt = now,
                    RequestedBy = "station",
                    Answer = "Reported by the station",
                };
                db.FirmwareUpdates.Add(own);
                await db.SaveChangesAsync(ct);
                updateId = own.Id;
            }
            else
            {
                updateId = match.Id;
            }

            db.FirmwareStatusEntries.Add(new FirmwareStatusEntry
            {
                FirmwareUpdateId = (int)updateId,
                Status = status.Status,
                At = now,
                Detail = status.Locations is { Count: > 0 } locations ? string.Join(' ', locations) : null,
            });
            await db.SaveChangesAsync(ct);
        }

        events.Publish(new StationNotification(stationId, now, NotificationKind, status.Status, status.RequestId));
    }
}
