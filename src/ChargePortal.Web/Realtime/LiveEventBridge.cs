using ChargePortal.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace ChargePortal.Web.Realtime;

/// <summary>
/// Forwards the station events raised on this node to the hub groups that follow them. Each node runs one bridge and
/// sends only its own events: with several nodes the Redis SignalR backplane delivers them to the groups' connections
/// on every node, so a client gets each event once whichever node it and the station are connected to.
/// </summary>
public sealed class LiveEventBridge(
    ILocalStationEventStream stream,
    IHubContext<LiveHub, ILiveClient> hub,
    StationSiteCache sites,
    ILogger<LiveEventBridge> logger) : StationEventFollower(stream)
{
    protected override ILogger Logger => logger;

    protected override Task OnEventAsync(StationEvent stationEvent, CancellationToken ct) => ForwardAsync(stationEvent, ct);

    internal async Task ForwardAsync(StationEvent e, CancellationToken ct)
    {
        List<string> groups = [LiveGroups.All, LiveGroups.Station(e.StationId)];
        if (await sites.SiteOfAsync(e.StationId, ct) is { } siteId)
        {
            groups.Add(LiveGroups.Site(siteId));
        }

        if (LiveGroups.TransactionOf(e) is { } transactionId)
        {
            groups.Add(LiveGroups.Session(e.StationId, transactionId));
        }

        // Groups overlap ("all" covers a station's group). The in-process hub sends once per connection per call, but
        // the Redis backplane publishes once per group and cannot see overlaps, so LiveHub keeps each connection in at
        // most one of the groups an event goes to (see LiveFollowing).
        var clients = hub.Clients.Groups(groups);
        await (e switch
        {
            StationConnected x => clients.StationConnected(x),
            StationDisconnected x => clients.StationDisconnected(x),
            StationBooted x => clients.StationBooted(x),
            ConnectorStatusChanged x => clients.ConnectorStatusChanged(x),
            StationFaulted x => clients.StationFaulted(x),
            MeterValuesReceived x => clients.MeterValuesReceived(x),
            TransactionStarted x => clients.TransactionStarted(x),
            TransactionUpdated x => clients.TransactionUpdated(x),
            TransactionEnded x => clients.TransactionEnded(x),
            StationNotification x => clients.StationNotification(x),
            CommandCompleted x => clients.CommandCompleted(x),
            _ => Task.CompletedTask,
        });
    }
}
