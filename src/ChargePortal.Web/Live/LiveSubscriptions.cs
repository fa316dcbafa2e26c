namespace ChargePortal.Web.Live;

/// <summary>
/// The one way a Blazor component follows station events. Events the <see cref="LiveFilter"/> selects are handed to
/// the component's handler on the component's own dispatcher (pass the component's <c>InvokeAsync</c>), so a handler may
/// read and change the component's state freely; a handler that throws is logged and the next event still arrives.
/// Disposing the subscription (in the component's DisposeAsync) stops it. Background jobs use <see cref="StationEventFollower"/>.
/// </summary>
public sealed class LiveSubscriptions(IStationEventStream stream, ILogger<LiveSubscriptions> logger)
{
    public IAsyncDisposable Subscribe(LiveFilter filter, Func<StationEvent, Task> onEvent, Func<Func<Task>, Task> invokeAsync)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(onEvent);
        ArgumentNullException.ThrowIfNull(invokeAsync);
        var subscription = new Subscription();
        subscription.Loop = Task.Run(() => RunAsync(filter, onEvent, invokeAsync, subscription.Cts.Token));
        return subscription;
    }

    private async Task RunAsync(LiveFilter filter, Func<StationEvent, Task> onEvent, Func<Func<Task>, Task> invokeAsync, CancellationToken ct)
    {
        try
        {
            await foreach (var e in stream.SubscribeAsync(ct))
            {
                if (!filter.Matches(e))
                {
                    continue;
                }

                try
                {
                    await invokeAsync(() => onEvent(e));
                }
                catch (Exception ex) when (ex is not ObjectDisposedException && !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "A live page could not apply {Event}; it keeps following", e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disposed with its component.
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while an event was being delivered: nobody is left to show it to.
        }
    }

    private sealed class Subscription : IAsyncDisposable
    {
        public CancellationTokenSource Cts { get; } = new();

        public Task Loop { get; set; } = Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await Cts.CancelAsync();
            await Loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Cts.Dispose();
        }
    }
}
