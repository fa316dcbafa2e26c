using System.Collections.Concurrent;
using System.Text.Json;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Stations.Provisioning;

/// <summary>
/// What a station that is not (yet) Accepted may send and be sent (B02, B03; 1.6 "Pending"/"Rejected" alike).
/// Pending: the station may send BootNotification and what the CSMS asked for (NotifyReport after GetBaseReport/GetReport,
/// the message a TriggerMessage requested); the CSMS may only configure it (Get/SetVariables, GetBaseReport, GetReport,
/// TriggerMessage; 1.6 GetConfiguration, ChangeConfiguration). Rejected: nothing but BootNotification either way.
/// Every other CALL from such a station is answered CALLERROR SecurityError (B02.FR.09, B03.FR.07).
/// </summary>
public sealed class RegistrationGate(IDbContextFactory<AppDbContext> dbFactory, IStationEventStream stream, TimeProvider time, ILogger<RegistrationGate> logger)
    : StationEventFollower(stream), IStationFrameTap
{
    protected override ILogger Logger => logger;

    /// <summary>The <see cref="StationNotification.Kind"/> announcing an operator's change, so every node's gate follows it.</summary>
    public const string NotificationKind = "Registration";

    private static readonly TimeSpan TriggerWindow = TimeSpan.FromMinutes(2);
    private static readonly HashSet<string> ConfigurationCalls =
        ["GetVariables", "SetVariables", "GetBaseReport", "GetReport", "TriggerMessage", "GetConfiguration", "ChangeConfiguration"];

    private readonly ConcurrentDictionary<string, StationRegistrationStatus> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string StationId, string Action), DateTimeOffset> _triggered = new();

    /// <summary>Records the status the station was told at boot or the operator set.</summary>
    public void Set(string stationId, StationRegistrationStatus status) => _status[stationId] = status;

    /// <summary>The status last recorded for the station on this node (at its handshake, its boot or an operator's change), if any.</summary>
    public StationRegistrationStatus? Known(string stationId) => _status.TryGetValue(stationId, out var status) ? status : null;

    /// <summary>Null when the station's CALL may be served; otherwise why not (the SecurityError's description).</summary>
    public async ValueTask<string?> RefuseIncomingAsync(string stationId, string action, CancellationToken ct)
    {
        if (action == "BootNotification")
        {
            return null;
        }

        var status = _status.TryGetValue(stationId, out var known) ? known : await LoadAsync(stationId, ct);
        if (status == StationRegistrationStatus.Accepted)
        {
            return null;
        }

        if (status == StationRegistrationStatus.Pending && (action == "NotifyReport" || WasTriggered(stationId, action)))
        {
            return null;
        }

        return status == StationRegistrationStatus.Pending
            ? $"This station's registration is Pending: until it is accepted it may send only BootNotification and what the CSMS asked for (TriggerMessage, GetBaseReport, GetReport), not {action}."
            : $"This station's registration is Rejected: it may send only BootNotification, not {action}.";
    }

    /// <summary>Null when the CSMS may send <paramref name="action"/> to the station; otherwise why not (answered 409).</summary>
    public async Task<string?> RefuseOutgoingAsync(string stationId, string action, CancellationToken ct)
    {
        // The database, not this node's cache: the caller may be on a node that does not hold the station.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => (StationRegistrationStatus?)s.RegistrationStatus).FirstOrDefaultAsync(ct);
        return status switch
        {
            StationRegistrationStatus.Pending when !ConfigurationCalls.Contains(action) =>
                $"Station '{stationId}' is not accepted (registration Pending): only configuration may be sent until an operator accepts it (GetVariables, SetVariables, GetBaseReport, GetReport, TriggerMessage; 1.6 GetConfiguration, ChangeConfiguration), not {action}.",
            StationRegistrationStatus.Rejected =>
                $"Station '{stationId}' is not accepted (registration Rejected): the CSMS sends it nothing (B03.FR.03).",
            _ => null,
        };
    }

    public void Attach(IStationConnection connection)
    {
        connection.Peer.FrameLogged += (_, frame) =>
        {
            if (frame is { Direction: OcppFrameDirection.Outgoing, MessageType: OcppMessageType.Call, Action: "TriggerMessage" }
                && TriggeredAction(frame.Frame) is { } triggered)
            {
                _triggered[(connection.StationId, triggered)] = time.GetUtcNow() + TriggerWindow;
            }
        };
    }

    protected override LiveFilter Filter { get; } = LiveFilter.Everything.Of(typeof(StationNotification));

    protected override Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
    {
        if (stationEvent is StationNotification { Kind: NotificationKind } n && Enum.TryParse<StationRegistrationStatus>(n.Status, out var status))
        {
            Set(n.StationId, status);
        }

        return Task.CompletedTask;
    }

    private bool WasTriggered(string stationId, string action) =>
        _triggered.TryGetValue((stationId, action), out var until) && until > time.GetUtcNow();

    private async ValueTask<StationRegistrationStatus> LoadAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var status = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => (StationRegistrationStatus?)s.RegistrationStatus).FirstOrDefaultAsync(ct)
            ?? StationRegistrationStatus.Rejected;
        _status.TryAdd(stationId, status);
        return status;
    }

    /// <summary>The action a TriggerMessage asks for (2.0.1 and 1.6 spell the requested messages the same way, but for certificates).</summary>
    private string? TriggeredAction(string frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var requested = document.RootElement[3].GetProperty("requestedMessage").GetString();
            return requested switch
            {
                "SignChargingStationCertificate" or "SignV2GCertificate" or "SignCombinedCertificate" => "SignCertificate",
                _ => requested,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            logger.LogDebug(ex, "TriggerMessage frame without a requestedMessage");
            return null;
        }
    }
}
