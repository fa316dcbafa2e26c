namespace ChargePortal.Web.Live;

/// <summary>
/// The one way a background job follows station events: the events its <see cref="Filter"/> selects reach
/// <see cref="OnEventAsync"/> one at a time, in order. An event the job cannot handle (it throws, or one of its own calls
/// times out) is logged and the job goes on with the next; only the host stopping ends it. Blazor components use
/// <see cref="LiveSubscriptions"/> instead, which also moves each event onto the component's thread.
/// </summary>
public abstract partial class StationEventFollower : BackgroundService
{
    private readonly Func<CancellationToken, IAsyncEnumerable<StationEvent>> _subscribe;

    /// <summary>Every event, whichever node raised it: for jobs that decide cluster-wide (usually behind a leader gate).</summary>
    protected StationEventFollower(IStationEventStream stream) => _subscribe = stream.SubscribeAsync;

    /// <summary>Only the events raised on this node: for jobs whose output other means already carry to every node.</summary>
    protected StationEventFollower(ILocalStationEventStream stream) => _subscribe = stream.SubscribeLocalAsync;

    protected virtual LiveFilter Filter => LiveFilter.Everything;

    /// <summary>The job's own logger, where an event it could not handle is reported.</summary>
    protected abstract ILogger Logger { get; }

    protected abstract Task OnEventAsync(StationEvent stationEvent, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var filter = Filter;
        try
        {
            await foreach (var stationEvent in _subscribe(stoppingToken))
            {
                if (!filter.Matches(stationEvent))
                {
                    continue;
                }

                try
                {
                    await OnEventAsync(stationEvent, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // One event that cannot be handled must not end the job for all the others.
                    LogFailed(Logger, ex, GetType().Name, stationEvent.GetType().Name, stationEvent.StationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} could not handle {EventType} of station {StationId}")]
    private static partial void LogFailed(ILogger logger, Exception ex, string job, string eventType, string stationId);
}
