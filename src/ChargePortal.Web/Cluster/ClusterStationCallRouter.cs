using System.Collections.Concurrent;
using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// Routes a call to the station wherever it is connected: locally when this node holds the socket,
/// otherwise over Redis to the owner node's request channel, awaiting the answer on this node's reply
/// channel. Failures come back as the exceptions a local call raises, so every node maps them alike.
/// </summary>
public sealed class ClusterStationCallRouter : IStationCallRouter, IHostedService
{
    private readonly LocalStationConnectionRegistry _local;
    private readonly RedisStationDirectory _directory;
    private readonly IConnectionMultiplexer _redis;
    private readonly ClusterOptions _options;
    private readonly IOptions<OcppOptions> _ocpp;
    private readonly ILogger<ClusterStationCallRouter> _logger;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RemoteCallReply>> _pending = new(StringComparer.Ordinal);
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;
    private ChannelMessageQueue? _replies;

    public ClusterStationCallRouter(
        LocalStationConnectionRegistry local,
        RedisStationDirectory directory,
        IConnectionMultiplexer redis,
        ClusterOptions options,
        IOptions<OcppOptions> ocpp,
        ILogger<ClusterStationCallRouter> logger)
    {
        _local = local;
        _directory = directory;
        _redis = redis;
        _options = options;
        _ocpp = ocpp;
        _logger = logger;
    }

    /// <summary>
    /// The owner node bounds the whole forwarded call (queueing behind other calls to the station, then
    /// the OCPP timeout); the caller waits a little longer so the owner's own answer normally arrives first.
    /// </summary>
    public TimeSpan CallTimeout => TimeSpan.FromSeconds(Math.Max(1, _ocpp.Value.CallTimeoutSeconds));

    private TimeSpan Budget => (CallTimeout * 3) + TimeSpan.FromSeconds(2);

    public async Task<OcppVersion?> FindAsync(string stationId, CancellationToken ct)
    {
        if (_local.Find(stationId) is { } connection)
        {
            return connection.Version;
        }

        return await _directory.FindOwnerAsync(stationId, ct) is { } owner && owner.NodeId != _options.NodeId ? owner.Version : null;
    }

    public async Task<JsonElement> CallAsync(string stationId, string action, JsonElement payload, CancellationToken ct)
    {
        if (_local.Find(stationId) is { } connection)
        {
            return await connection.Peer.CallAsync(action, payload, ct);
        }

        // No owner, or a record naming this node without a local socket (left over from a crash): offline.
        if (await _directory.FindOwnerAsync(stationId, ct) is not { } owner || owner.NodeId == _options.NodeId)
        {
            throw new StationOfflineException(stationId);
        }

        var request = new RemoteCallRequest(Guid.NewGuid().ToString("N"), _options.NodeId, stationId, action, payload, Budget.TotalSeconds);
        var answer = new TaskCompletionSource<RemoteCallReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.CorrelationId] = answer;
        try
        {
            var receivers = await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ClusterOptions.CallsChannel(owner.NodeId)), ClusterJson.Serialize(request));
            if (receivers == 0)
            {
                // The owner node is gone; its record has not expired yet.
                throw new StationOfflineException(stationId);
            }

            RemoteCallReply reply;
            try
            {
                reply = await answer.Task.WaitAsync(Budget + TimeSpan.FromSeconds(3), ct);
            }
            catch (TimeoutException)
            {
                throw new OcppCallTimeoutException(action, request.CorrelationId, CallTimeout);
            }

            return Unwrap(stationId, action, request.CorrelationId, reply);
        }
        finally
        {
            _pending.TryRemove(request.CorrelationId, out _);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _replies = await _redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ClusterOptions.RepliesChannel(_options.NodeId)));
        _replies.OnMessage(message => Receive(message.Message));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_replies is not null)
        {
            await _replies.UnsubscribeAsync();
        }
    }

    private void Receive(RedisValue message)
    {
        try
        {
            if (ClusterJson.Deserialize<RemoteCallReply>(message.ToString()) is { } reply && _pending.TryGetValue(reply.CorrelationId, out var waiting))
            {
                waiting.TrySetResult(reply);
            }
        }
        catch (JsonException ex)
        {
            _logger.LogWarning("Ignored an unreadable call reply: {Reason}", ex.Message);
        }
    }

    private static JsonElement Unwrap(string stationId, string action, string correlationId, RemoteCallReply reply) => reply.Outcome switch
    {
        RemoteCallOutcome.Answered when reply.Payload is { } payload => payload,
        RemoteCallOutcome.Offline => throw new StationOfflineException(stationId),
        RemoteCallOutcome.Closed => throw new OcppConnectionClosedException(),
        RemoteCallOutcome.Timeout => throw new OcppCallTimeoutException(action, correlationId, TimeSpan.FromSeconds(reply.TimeoutSeconds ?? 0)),
        RemoteCallOutcome.CallError => throw new OcppCallErrorException(action,
            new OcppCallError(correlationId, reply.ErrorCode ?? "GenericError", reply.Description ?? "", reply.Details ?? EmptyObject)),
        RemoteCallOutcome.Invalid => throw new OcppValidationException(action,
            Enum.TryParse<OcppMessageKind>(reply.MessageKind, out var kind) ? kind : OcppMessageKind.Response,
            Enum.TryParse<OcppErrorCode>(reply.ErrorCode, out var code) ? code : OcppErrorCode.GenericError,
            reply.Description ?? ""),
        _ => throw new InvalidOperationException($"The node holding '{stationId}' could not run {action}: {reply.Description}"),
    };
}

/// <summary>Runs calls other nodes forward to the stations this node holds, and sends back the outcome.</summary>
public sealed class RemoteCallExecutor(
    LocalStationConnectionRegistry local,
    IConnectionMultiplexer redis,
    ClusterOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<RemoteCallExecutor> logger) : IHostedService
{
    private ChannelMessageQueue? _calls;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _calls = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ClusterOptions.CallsChannel(options.NodeId)));

        // Each call runs on its own: one slow station must not hold up calls to the others.
        _calls.OnMessage(message => _ = ExecuteAsync(message.Message.ToString()));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_calls is not null)
        {
            await _calls.UnsubscribeAsync();
        }
    }

    private async Task ExecuteAsync(string message)
    {
        RemoteCallRequest? request;
        try
        {
            request = ClusterJson.Deserialize<RemoteCallRequest>(message);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Ignored an unreadable forwarded call: {Reason}", ex.Message);
            return;
        }

        if (request is null)
        {
            return;
        }

        var reply = await RunAsync(request);
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ClusterOptions.RepliesChannel(request.ReplyTo)), ClusterJson.Serialize(reply));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Could not send the answer to {Action} for {StationId} back to {Node}: {Reason}", request.Action, request.StationId, request.ReplyTo, ex.Message);
        }
    }

    private async Task<RemoteCallReply> RunAsync(RemoteCallRequest request)
    {
        var id = request.CorrelationId;
        if (local.Find(request.StationId) is not { } connection)
        {
            return new RemoteCallReply(id, RemoteCallOutcome.Offline);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        budget.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(request.BudgetSeconds, 1, 600)));
        try
        {
            return new RemoteCallReply(id, RemoteCallOutcome.Answered, await connection.Peer.CallAsync(request.Action, request.Payload, budget.Token));
        }
        catch (OcppConnectionClosedException)
        {
            return new RemoteCallReply(id, RemoteCallOutcome.Closed);
        }
        catch (OcppCallTimeoutException ex)
        {
            return new RemoteCallReply(id, RemoteCallOutcome.Timeout, TimeoutSeconds: ex.Timeout.TotalSeconds);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // This node is shutting down: the station will reconnect elsewhere.
            return new RemoteCallReply(id, RemoteCallOutcome.Closed);
        }
        catch (OperationCanceledException)
        {
            // Still queued behind other calls to the station when the budget ran out.
            return new RemoteCallReply(id, RemoteCallOutcome.Timeout, TimeoutSeconds: request.BudgetSeconds);
        }
        catch (OcppCallErrorException ex)
        {
            return new RemoteCallReply(id, RemoteCallOutcome.CallError, ErrorCode: ex.WireErrorCode, Description: ex.Description, Details: ex.Details.ValueKind == JsonValueKind.Undefined ? null : ex.Details);
        }
        catch (OcppValidationException ex)
        {
            return new RemoteCallReply(id, RemoteCallOutcome.Invalid, ErrorCode: ex.ErrorCode.ToString(), Description: ex.Description, MessageKind: ex.Kind.ToString());
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or JsonException)
        {
            logger.LogWarning(ex, "Forwarded {Action} for {StationId} failed", request.Action, request.StationId);
            return new RemoteCallReply(id, RemoteCallOutcome.Failed, Description: ex.Message);
        }
    }
}
