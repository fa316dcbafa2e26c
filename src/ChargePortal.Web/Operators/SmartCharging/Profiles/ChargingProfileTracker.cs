using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>
/// Keeps, per 2.0.1 station, the charging profiles this CSMS set (accepted SetChargingProfile, minus accepted
/// ClearChargingProfile) and what the station reports having (GetChargingProfiles answers and every
/// ReportChargingProfiles part), whoever sent the call: the smart charging page, the command API, the load balancer or a
/// raw OCPP call. Frames are watched and queued; one background loop stores them in the order they crossed the socket,
/// so a report part never overtakes the answer that announced it and the socket never waits on the database.
/// </summary>
public sealed class ChargingProfileTracker(
    IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events, TimeProvider time, ILogger<ChargingProfileTracker> logger)
    : BackgroundService, IStationFrameTap
{
    internal const string Get = "GetChargingProfiles";
    internal const string Report = "ReportChargingProfiles";
    internal const string Set = "SetChargingProfile";
    internal const string Clear = "ClearChargingProfile";

    /// <summary>The <see cref="StationNotification"/> kind published once a change is stored (pages reload on it).</summary>
    public const string NotificationKind = "ChargingProfiles";

    private readonly Channel<ProfileFrames> _queue = Channel.CreateBounded<ProfileFrames>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private long _pending;

    /// <summary>Frames queued but not yet stored.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Attach(IStationConnection connection)
    {
        if (connection.Version != OcppVersion.V201)
        {
            return;
        }

        // An answer names neither the profile nor the criteria: keep each request until its answer arrives.
        var requests = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        connection.Peer.FrameLogged += (_, frame) =>
        {
            if (frame.MessageId is not { } id || frame.Action is not ({ } action and (Get or Report or Set or Clear)))
            {
                return;
            }

            if (action == Report && frame is { Direction: OcppFrameDirection.Incoming, MessageType: OcppMessageType.Call })
            {
                Enqueue(new ProfileFrames(connection.StationId, action, frame.Frame, null));
            }
            else if (action != Report && frame is { Direction: OcppFrameDirection.Outgoing, MessageType: OcppMessageType.Call })
            {
                requests[id] = frame.Frame;
            }
            else if (frame.Direction == OcppFrameDirection.Incoming && frame.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError
                     && requests.TryRemove(id, out var request) && frame.MessageType == OcppMessageType.CallResult)
            {
                Enqueue(new ProfileFrames(connection.StationId, action, request, frame.Frame));
            }
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await StoreAsync(work, stoppingToken);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or DbUpdateException)
            {
                logger.LogWarning(ex, "Could not store the {Action} of {StationId} among its charging profiles", work.Action, work.StationId);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private void Enqueue(ProfileFrames work)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(work))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task StoreAsync(ProfileFrames work, CancellationToken ct)
    {
        var request = Payload(work.RequestFrame, 3);
        var response = work.ResponseFrame is null ? default : Payload(work.ResponseFrame, 2);

        // A frame the peer refused as schema-invalid was answered with a CALLERROR: it is no report.
        var kind = work.ResponseFrame is null ? OcppMessageKind.Request : OcppMessageKind.Response;
        if (!OcppSchemaValidator.Validate(OcppVersion.V201, work.Action, kind, work.ResponseFrame is null ? request : response).IsValid)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        switch (work.Action)
        {
            case Get:
                await ProfileReports.OnAnsweredAsync(db, work.StationId, request, response, now, ct);
                break;
            case Report:
                await ProfileReports.OnPartAsync(db, work.StationId, request, now, ct);
                break;
            case Set:
                await SetProfiles.OnSetAsync(db, work.StationId, request, response, now, ct);
                break;
            case Clear:
                await SetProfiles.OnClearedAsync(db, work.StationId, request, response, ct);
                break;
        }

        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        events.Publish(new StationNotification(work.StationId, now, NotificationKind, work.Action == Report ? "reported" : "stored"));
    }

    private static JsonElement Payload(string frame, int index)
    {
        using var document = JsonDocument.Parse(frame);
        return document.RootElement[index].Clone();
    }

    private sealed record ProfileFrames(string StationId, string Action, string RequestFrame, string? ResponseFrame);
}
