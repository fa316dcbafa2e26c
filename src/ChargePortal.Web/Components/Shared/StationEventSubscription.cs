using ChargePortal.Web.Live;

namespace ChargePortal.Web.Components.Shared;

/// <summary>
/// A component's live feed: reads the station event stream in the background and hands each event to
/// the component (which marshals with InvokeAsync). Dispose it with the component to unsubscribe.
/// </summary>
public sealed class StationEventSubscription : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _pump;

    private StationEventSubscription(IStationEventStream stream, Func<StationEvent, Task> onEvent, ILogger logger)
    {
        _pump = PumpAsync(stream, onEvent, logger, _cts.Token);
    }

    public static StationEventSubscription Start(IStationEventStream stream, Func<StationEvent, Task> onEvent, ILogger logger) =>
        new(stream, onEvent, logger);

    private static async Task PumpAsync(IStationEventStream stream, Func<StationEvent, Task> onEvent, ILogger logger, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await foreach (var stationEvent in stream.SubscribeAsync(ct))
            {
                try
                {
                    await onEvent(stationEvent);
                }
                catch (ObjectDisposedException)
                {
                    // The circuit went away while the event was being applied.
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "A live page could not apply {Event}", stationEvent.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Unsubscribed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
            // Expected on unsubscribe.
        }

        _cts.Dispose();
    }
}
