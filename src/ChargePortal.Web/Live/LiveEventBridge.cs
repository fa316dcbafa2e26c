using Microsoft.AspNetCore.SignalR;

namespace ChargePortal.Web.Live;

/// <summary>
/// Forwards every station event from <see cref="IStationEventStream"/> to the hub groups that follow it. Each node
/// runs one bridge; with a Redis event stream and the Redis SignalR backplane, each event is sent once per node that
/// holds interested connections, whichever node the station is connected to.
/// </summary>
public sealed partial class LiveEventBridge(
    IStationEventStream stream,
    IHubContext<LiveHub, ILiveClient> hub,
    StationSiteCache sites,
    ILogger<LiveEventBridge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var e in stream.SubscribeAsync(stoppingToken))
        {
            try
            {
                await ForwardAsync(e, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One undeliverable event must not end live updates for everyone.
                LogForwardFailed(logger, ex, e.GetType().Name, e.StationId);
            }
        }
    }

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

        // Groups overlap (an operator in "all" and in a station group); SignalR sends once per connection per call,
        // so one call over the union avoids duplicates.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward {EventType} of station {StationId} to live clients")]
    private static partial void LogForwardFailed(ILogger logger, Exception ex, string eventType, string stationId);
}
