using ChargePortal.Web.Live;
using ChargePortal.Web.Roaming.Locations;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>
/// Follows the station events raised on this node (each event is handled once, where the station is connected) and
/// turns them into pushes for partners: EVSE status, and the sessions of partner tokens with their CDRs.
/// </summary>
public sealed partial class RoamingEventFollower(
    ILocalStationEventStream stream,
    SessionReporter sessions,
    LocationStatusPushes locations,
    ILogger<RoamingEventFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var e in stream.SubscribeLocalAsync(stoppingToken))
        {
            try
            {
                await HandleAsync(e, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One event that cannot be reported must not stop reporting the others.
                LogFailed(logger, ex, e.GetType().Name, e.StationId);
            }
        }
    }

    private Task HandleAsync(StationEvent e, CancellationToken ct) => e switch
    {
        ConnectorStatusChanged x => locations.OnStationChangedAsync(new StationChange(x.StationId, x.At, true, x.EvseId, x.ConnectorId, x.Status), ct),
        StationConnected x => locations.OnStationChangedAsync(new StationChange(x.StationId, x.At, true), ct),
        StationDisconnected x => locations.OnStationChangedAsync(new StationChange(x.StationId, x.At, false), ct),
        TransactionStarted { IdTag: { } idTag } x => sessions.OnStartedAsync(x.StationId, x.TransactionId, idTag, ct),
        TransactionUpdated x => sessions.OnUpdatedAsync(x.StationId, x.TransactionId, ct),
        TransactionEnded x => sessions.OnEndedAsync(x.StationId, x.TransactionId, ct),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roaming could not report {EventType} of station {StationId}")]
    private static partial void LogFailed(ILogger logger, Exception ex, string eventType, string stationId);
}
