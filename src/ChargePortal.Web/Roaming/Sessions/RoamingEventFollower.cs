using ChargePortal.Web.Live;
using ChargePortal.Web.Roaming.Locations;
using ChargePortal.Web.Roaming.Partners;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>
/// Follows the station events raised on this node (each event is handled once, where the station is connected) and
/// turns them into pushes for partners: EVSE status, and the sessions of partner tokens with their CDRs.
/// </summary>
public sealed class RoamingEventFollower(
    ILocalStationEventStream stream,
    SessionReporter sessions,
    LocationStatusPushes locations,
    RoamingPartnerPresence partners,
    ILogger<RoamingEventFollower> logger) : StationEventFollower(stream)
{
    protected override ILogger Logger => logger;

    protected override async Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
    {
        if (await partners.AnyAsync(ct))
        {
            await PushAsync(stationEvent, ct);
        }
    }

    private Task PushAsync(StationEvent stationEvent, CancellationToken ct) => stationEvent switch
    {
        ConnectorStatusChanged x => locations.OnStationChangedAsync(new StationChange(x.StationId, x.At, true, x.EvseId, x.ConnectorId, x.Status), ct),
        StationConnected x => locations.OnStationChangedAsync(new StationChange(x.StationId, x.At, true), ct),
        StationDisconnected x => locations.OnStationChangedAsync(new StationChange(x.StationId, x.At, false), ct),
        TransactionStarted { IdTag: { } idTag } x => sessions.OnStartedAsync(x.StationId, x.TransactionId, idTag, ct),
        TransactionUpdated x => sessions.OnUpdatedAsync(x.StationId, x.TransactionId, ct),
        TransactionEnded x => sessions.OnEndedAsync(x.StationId, x.TransactionId, ct),
        _ => Task.CompletedTask,
    };
}
