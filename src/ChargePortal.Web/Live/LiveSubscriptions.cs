namespace ChargePortal.Web.Live;

/// <summary>
/// Lets a Blazor component follow station events: the callback runs on the component's dispatcher (pass the
/// component's InvokeAsync), and disposing the returned subscription (in the component's DisposeAsync) stops it.
/// </summary>
public sealed class LiveSubscriptions(IStationEventStream stream, ILogger<LiveSubscriptions> logger)
{
    public IAsyncDisposable Subscribe(Func<StationEvent, bool> filter, Func<StationEvent, Task> onEvent, Func<Func<Task>, Task> invokeAsync)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(onEvent);
        ArgumentNullException.ThrowIfNull(invokeAsync);
        var subscription = new Subscription();
        subscription.Loop = Task.Run(() => RunAsync(filter, onEvent, invokeAsync, subscription.Cts.Token));
        return subscription;
    }

    private async Task RunAsync(Func<StationEvent, bool> filter, Func<StationEvent, Task> onEvent, Func<Func<Task>, Task> invokeAsync, CancellationToken ct)
    {
        try
        {
            await foreach (var e in stream.SubscribeAsync(ct))
            {
                if (filter(e))
                {
                    await invokeAsync(() => onEvent(e));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disposed with its component.
        }
        catch (ObjectDisposedException) when (ct.IsCancellationRequested)
        {
            // The circuit went away while an event was being delivered.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Live updates for a page stopped");
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
