using System.Text.Json;
using ChargePortal.Web.Live;
using StackExchange.Redis;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// The event bus across nodes. Local subscribers get a node's own events straight away (as on a
/// single node); the event also goes to the cluster channel, and copies arriving from other nodes
/// are fanned out locally. A node ignores its own copies, so each event reaches each subscriber once.
/// <see cref="SubscribeLocalAsync"/> gives only the events raised on this node (the envelope's origin), for the
/// live hub bridge: the SignalR backplane already takes its messages to every node.
/// </summary>
public sealed class RedisStationEventBus : IStationEventPublisher, IStationEventStream, ILocalStationEventStream, IHostedService
{
    private readonly InProcessStationEventBus _local;
    private readonly InProcessStationEventBus _raisedHere;
    private readonly IConnectionMultiplexer _redis;
    private readonly ClusterOptions _options;
    private readonly RedisChannel _channel;
    private readonly ILogger<RedisStationEventBus> _logger;
    private ChannelMessageQueue? _queue;

    public RedisStationEventBus(IConnectionMultiplexer redis, ClusterOptions options, ILogger<RedisStationEventBus> logger)
    {
        _redis = redis;
        _options = options;
        _logger = logger;
        _local = new InProcessStationEventBus(logger);
        _raisedHere = new InProcessStationEventBus(logger);
        _channel = RedisChannel.Literal(options.EventsChannel);
    }

    public void Publish(StationEvent stationEvent)
    {
        _local.Publish(stationEvent);
        _raisedHere.Publish(stationEvent);
        string json;
        try
        {
            json = ClusterJson.Serialize(new ClusterEventEnvelope(_options.NodeId, stationEvent));
        }
        catch (NotSupportedException ex)
        {
            // An event type without a discriminator in ClusterJson: local subscribers still got it.
            _logger.LogWarning(ex, "{EventType} cannot be sent to other nodes", stationEvent.GetType().Name);
            return;
        }

        // Fire-and-forget keeps the OCPP receive path free of Redis round trips; one connection keeps the order.
        _redis.GetSubscriber().Publish(_channel, json, CommandFlags.FireAndForget);
    }

    public IAsyncEnumerable<StationEvent> SubscribeAsync(CancellationToken ct) => _local.SubscribeAsync(ct);

    public IAsyncEnumerable<StationEvent> SubscribeLocalAsync(CancellationToken ct) => _raisedHere.SubscribeAsync(ct);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
        _queue.OnMessage(message => Receive(message.Message));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    private void Receive(RedisValue message)
    {
        ClusterEventEnvelope? envelope;
        try
        {
            envelope = ClusterJson.Deserialize<ClusterEventEnvelope>(message.ToString());
        }
        catch (JsonException ex)
        {
            // E.g. an event type only a newer node knows during a rolling upgrade.
            _logger.LogWarning("Ignored a cluster event this node cannot read: {Reason}", ex.Message);
            return;
        }

        if (envelope is not null && envelope.Origin != _options.NodeId)
        {
            _local.Publish(envelope.Event);
        }
    }
}
