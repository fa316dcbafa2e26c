using System.Diagnostics.Metrics;
using System.Threading.Channels;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Live;

/// <summary>Something that happened at a station, for dashboards and other live subscribers.</summary>
public abstract record StationEvent(string StationId, DateTimeOffset At);

public sealed record StationConnected(string StationId, DateTimeOffset At, string OcppVersion) : StationEvent(StationId, At);

public sealed record StationDisconnected(string StationId, DateTimeOffset At) : StationEvent(StationId, At);

public sealed record StationBooted(string StationId, DateTimeOffset At, string? Vendor, string? Model, string? FirmwareVersion) : StationEvent(StationId, At);

public sealed record ConnectorStatusChanged(string StationId, DateTimeOffset At, int EvseId, int ConnectorId, ConnectorStatus Status, string? ErrorCode) : StationEvent(StationId, At);

public sealed record StationFaulted(string StationId, DateTimeOffset At, int EvseId, int ConnectorId, string ErrorCode, string? Info) : StationEvent(StationId, At);

public sealed record MeterValuesReceived(string StationId, DateTimeOffset At, int EvseId, string? TransactionId, long? EnergyRegisterWh, decimal? PowerW) : StationEvent(StationId, At);

public sealed record TransactionStarted(string StationId, DateTimeOffset At, string TransactionId, int EvseId, int ConnectorId, string? IdTag) : StationEvent(StationId, At);

public sealed record TransactionUpdated(string StationId, DateTimeOffset At, string TransactionId, long EnergyWh) : StationEvent(StationId, At);

public sealed record TransactionEnded(string StationId, DateTimeOffset At, string TransactionId, long EnergyWh, string? Reason) : StationEvent(StationId, At);

/// <summary>A status a station reported (firmware, log upload, registration …); <paramref name="RequestId"/> where its message names one.</summary>
public sealed record StationNotification(string StationId, DateTimeOffset At, string Kind, string Status, int? RequestId = null) : StationEvent(StationId, At);

public sealed record CommandCompleted(string StationId, DateTimeOffset At, string Command, string Outcome) : StationEvent(StationId, At);

/// <summary>Where station events are raised. One implementation per deployment shape (in-process, Redis).</summary>
public interface IStationEventPublisher
{
    void Publish(StationEvent stationEvent);
}

/// <summary>Where pages and hubs listen. Each subscription gets its own bounded queue.</summary>
public interface IStationEventStream
{
    IAsyncEnumerable<StationEvent> SubscribeAsync(CancellationToken ct);
}

/// <summary>
/// Only the events raised on this node, without the copies other nodes send. For a consumer whose output is already
/// carried to every node by other means: the live hub bridge, whose messages the SignalR backplane delivers
/// cluster-wide. In one process every event is raised here, so this is the whole stream.
/// </summary>
public interface ILocalStationEventStream
{
    IAsyncEnumerable<StationEvent> SubscribeLocalAsync(CancellationToken ct);
}

/// <summary>
/// The single-node event bus. Publishing never blocks the OCPP receive path: a slow subscriber loses its oldest events
/// rather than stalling stations. Losses are not silent: each is counted (<see cref="DroppedCounterName"/> on the
/// <see cref="MeterName"/> meter) and logged, when a subscriber first falls behind and when it unsubscribes. Billing does
/// not rely on this stream alone (<see cref="Tariffs.UnbilledSessionSweeper"/>).
/// </summary>
public sealed class InProcessStationEventBus(ILogger logger) : IStationEventPublisher, IStationEventStream, ILocalStationEventStream
{
    public const string MeterName = "ChargePortal.Live";
    public const string DroppedCounterName = "chargeportal.live.events_dropped";
    public const int SubscriberCapacity = 1024;

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> DroppedCounter = Meter.CreateCounter<long>(DroppedCounterName, "{event}", "Station events a slow subscriber lost");

    private readonly Lock _lock = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;
    private long _dropped;

    /// <summary>Events waiting to be read, summed over the subscribers.</summary>
    public long Depth => _subscribers.Items.Sum(c => (long)c.Reader.Count);

    /// <summary>Events lost by subscribers of this bus that fell behind, since it was created.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(StationEvent stationEvent)
    {
        foreach (var subscriber in _subscribers.Items)
        {
            subscriber.Writer.TryWrite(stationEvent);
        }
    }

    public async IAsyncEnumerable<StationEvent> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long lost = 0;
        var channel = Channel.CreateBounded<StationEvent>(
            new BoundedChannelOptions(SubscriberCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => OnDropped(ref lost, dropped));
        lock (_lock)
        {
            _subscribers = _subscribers.Add(channel);
        }

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
            {
                yield return item;
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers = _subscribers.Remove(channel);
            }

            if (Interlocked.Read(ref lost) is > 0 and var total)
            {
                logger.LogWarning("A station event subscriber that fell behind lost {Count} events in all", total);
            }
        }
    }

    public IAsyncEnumerable<StationEvent> SubscribeLocalAsync(CancellationToken ct) => SubscribeAsync(ct);

    private void OnDropped(ref long lost, StationEvent dropped)
    {
        Interlocked.Increment(ref _dropped);
        DroppedCounter.Add(1);
        if (Interlocked.Increment(ref lost) == 1)
        {
            logger.LogWarning(
                "A station event subscriber fell behind by {Capacity} events and loses the oldest ones (first: {EventType} of {StationId}); live views may be stale until reloaded",
                SubscriberCapacity, dropped.GetType().Name, dropped.StationId);
        }
    }

    /// <summary>Copy-on-write list: Publish reads it without taking the lock.</summary>
    private sealed record ImmutableSubscribers(Channel<StationEvent>[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);

        public ImmutableSubscribers Add(Channel<StationEvent> c) => new([.. Items, c]);

        public ImmutableSubscribers Remove(Channel<StationEvent> c) => new([.. Items.Where(i => i != c)]);
    }
}
