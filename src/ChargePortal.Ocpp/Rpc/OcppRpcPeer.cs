using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChargePortal.Ocpp.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>
/// One end of an OCPP-J connection: correlates our CALLs with their answers (one outstanding at a time,
/// the rest queued FIFO), and answers the other side's CALLs through an <see cref="IOcppCallHandler"/>.
/// Transport-agnostic: the host feeds received text frames to <see cref="ReceiveAsync"/> and supplies a sender.
/// Works for the CSMS and for a charge-point simulator alike.
/// </summary>
public sealed partial class OcppRpcPeer : IAsyncDisposable
{
    private readonly IOcppFrameSender _sender;
    private readonly IOcppCallHandler _handler;
    private readonly OcppRpcOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Held for the whole life of an outgoing CALL: OCPP allows one outstanding CALL per direction.
    // SemaphoreSlim releases async waiters in FIFO order, and a cancelled waiter leaves the queue.
    private readonly SemaphoreSlim _callGate = new(1, 1);

    // Answers to incoming CALLs and our own CALLs must not interleave on the socket.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    // Incoming CALLs are answered one after another, in arrival order. A call is started on the receive path (no
    // hop to another thread per message, which under thousands of stations is most of the cost) but not awaited
    // there: a handler that awaits, for instance one of our own calls, lets the receive loop go on reading, so the
    // CALLRESULT it waits for can still arrive. That is what prevents deadlock.
    private readonly SemaphoreSlim _queueSlots;
    private Task _answering = Task.CompletedTask;
    private readonly CancellationTokenSource _closed = new();
    private readonly Lock _pendingLock = new();
    private PendingCall? _pending;
    private int _disposed;

    public OcppRpcPeer(OcppVersion version, IOcppFrameSender sender, IOcppCallHandler handler, OcppRpcOptions options, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Version = version;
        _sender = sender;
        _handler = handler;
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        var capacity = Math.Max(1, options.IncomingQueueCapacity);
        _queueSlots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>Every frame received or sent, for the host's message log. Subscriber exceptions are logged and swallowed.</summary>
    public event EventHandler<OcppFrameLogEntry>? FrameLogged;

    public OcppVersion Version { get; }

    /// <summary>
    /// Processes one incoming text frame. Results and errors complete the outstanding call at once; CALLs are queued
    /// for the handler (answered in arrival order) and this returns once the call is queued and its handler has
    /// either finished or is waiting on something. Malformed frames are answered with the CALLERROR the spec
    /// prescribes where that is possible, and never throw.
    /// </summary>
    public async Task ReceiveAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
    {
        if (IsClosed)
        {
            throw new OcppConnectionClosedException();
        }

        var parsed = OcppFrameParser.Parse(utf8Frame, Version);
        var text = DecodeForLog(utf8Frame.Span);
        if (!parsed.IsSuccess)
        {
            Log(OcppFrameDirection.Incoming, text, parsed.MessageTypeId is >= 2 and <= 4 ? (OcppMessageType)parsed.MessageTypeId : null, parsed.MessageId, PendingActionFor(parsed.MessageId));
            await RejectMalformedAsync(parsed, ct);
            return;
        }

        switch (parsed.Frame)
        {
            case OcppCall call:
                Log(OcppFrameDirection.Incoming, text, call.MessageType, call.MessageId, call.Action);
                await QueueAsync(call, ct);
                break;
            default:
                Log(OcppFrameDirection.Incoming, text, parsed.Frame.MessageType, parsed.Frame.MessageId, PendingActionFor(parsed.Frame.MessageId));
                CompletePending(parsed.Frame);
                break;
        }
    }

    /// <summary>
    /// Sends a typed CALL and returns the typed answer. <typeparamref name="TRequest"/>/<typeparamref name="TResponse"/>
    /// must be the action's records in this version's catalog (e.g. V201.BootNotificationRequest/Response).
    /// </summary>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(string action, TRequest request, CancellationToken ct)
    {
        var descriptor = OcppActionCatalog.For(Version).Get(action);
        if (descriptor.RequestTypeInfo is not JsonTypeInfo<TRequest> requestInfo || descriptor.ResponseTypeInfo is not JsonTypeInfo<TResponse> responseInfo)
        {
            throw new ArgumentException(
                $"{action} in OCPP {Version.DisplayName()} takes {descriptor.RequestType.Name} and returns {descriptor.ResponseType.Name}.",
                nameof(action));
        }

        var payload = JsonSerializer.SerializeToElement(request, requestInfo);
        var response = await CallAsync(action, payload, ct);
        return JsonSerializer.Deserialize(response, responseInfo)
            ?? throw new OcppValidationException(action, OcppMessageKind.Response, OcppErrorCode.FormationViolation, "$: response deserialized to null");
    }

    /// <summary>
    /// Sends a CALL and returns the CALLRESULT payload. Waits (FIFO) while another of our CALLs is outstanding.
    /// Throws <see cref="OcppValidationException"/> (nothing sent) for a non-conforming request,
    /// <see cref="OcppCallErrorException"/> for a CALLERROR, <see cref="OcppCallTimeoutException"/> when no answer
    /// arrives in time, and <see cref="OcppConnectionClosedException"/> when the peer is disposed meanwhile.
    /// </summary>
    public async Task<JsonElement> CallAsync(string action, JsonElement payload, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        if (IsClosed)
        {
            throw new OcppConnectionClosedException();
        }

        if (_options.ValidateOutgoing)
        {
            ThrowIfInvalid(action, OcppMessageKind.Request, payload);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _closed.Token);
        try
        {
            await _callGate.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (IsClosed && !ct.IsCancellationRequested)
        {
            throw new OcppConnectionClosedException();
        }

        var pending = new PendingCall(Guid.NewGuid().ToString("N"), action);
        try
        {
            lock (_pendingLock)
            {
                _pending = pending;
            }

            try
            {
                await SendAsync(new OcppCall(pending.MessageId, action, payload), action, linked.Token);
            }
            catch (Exception) when (pending.Answer.Task.IsCompletedSuccessfully)
            {
                // The station had the call and answered while the send was still finishing here, then closed the
                // connection (it answered Reset and rebooted): the send's failure is the close, the answer counts.
            }

            OcppFrame answer;
            try
            {
                answer = await pending.Answer.Task.WaitAsync(_options.CallTimeout, _time, linked.Token);
            }
            catch (TimeoutException)
            {
                throw new OcppCallTimeoutException(action, pending.MessageId, _options.CallTimeout);
            }
            catch (OperationCanceledException) when (pending.Answer.Task.IsCompletedSuccessfully)
            {
                // The answer arrived, then the connection closed before this continuation ran (a station that
                // answers Reset and reboots at once): the answer still counts.
                answer = pending.Answer.Task.Result;
            }

            return answer switch
            {
                OcppCallError error => throw new OcppCallErrorException(action, error),
                OcppCallResult result => AcceptResult(action, result.Payload),
                _ => throw new InvalidOperationException("A pending call can only be answered by a result or an error."),
            };
        }
        catch (OperationCanceledException) when (IsClosed && !ct.IsCancellationRequested)
        {
            throw new OcppConnectionClosedException();
        }
        finally
        {
            lock (_pendingLock)
            {
                if (ReferenceEquals(_pending, pending))
                {
                    _pending = null;
                }
            }

            _callGate.Release();
        }
    }

    /// <summary>Fails queued and outstanding calls with <see cref="OcppConnectionClosedException"/> and stops handling CALLs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        PendingCall? pending;
        lock (_pendingLock)
        {
            pending = _pending;
        }

        pending?.Answer.TrySetException(new OcppConnectionClosedException());
        await _closed.CancelAsync();

        // Answering never throws: a handler's failure becomes a CALLERROR, cancellation ends it quietly.
        await Volatile.Read(ref _answering);

        // _closed is deliberately not disposed: late callers may still link to its (cancelled) token.
    }

    private bool IsClosed => Volatile.Read(ref _disposed) == 1;

    private JsonElement AcceptResult(string action, JsonElement payload)
    {
        if (_options.ValidateIncoming)
        {
            ThrowIfInvalid(action, OcppMessageKind.Response, payload);
        }

        return payload;
    }

    private void ThrowIfInvalid(string action, OcppMessageKind kind, JsonElement payload)
    {
        var result = OcppSchemaValidator.Validate(Version, action, kind, payload);
        if (!result.IsValid)
        {
            throw new OcppValidationException(action, kind, result.ErrorCode!.Value, result.Description!);
        }
    }

    private void CompletePending(OcppFrame answer)
    {
        PendingCall? pending;
        lock (_pendingLock)
        {
            pending = _pending is { } p && p.MessageId == answer.MessageId ? p : null;
        }

        if (pending is null || !pending.Answer.TrySetResult(answer))
        {
            _logger.LogWarning("Ignoring {Type} with unknown or late message id {MessageId}.", answer.MessageType, answer.MessageId);
        }
    }

    private string? PendingActionFor(string? messageId)
    {
        lock (_pendingLock)
        {
            return _pending is { } p && p.MessageId == messageId ? p.Action : null;
        }
    }

    private async Task SendAsync(OcppFrame frame, string? action, CancellationToken ct)
    {
        var bytes = OcppFrameWriter.Write(frame);
        await _sendLock.WaitAsync(ct);
        try
        {
            Log(OcppFrameDirection.Outgoing, Encoding.UTF8.GetString(bytes), frame.MessageType, frame.MessageId, action);
            await _sender.SendAsync(bytes, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void Log(OcppFrameDirection direction, string text, OcppMessageType? type, string? messageId, string? action)
    {
        var handler = FrameLogged;
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, new OcppFrameLogEntry(direction, text, type, messageId, action, _time.GetUtcNow()));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A FrameLogged subscriber failed.");
        }
    }

    // Invalid UTF-8 is still logged (with replacement characters): nothing a station sends is dropped silently.
    private static string DecodeForLog(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    private sealed class PendingCall(string messageId, string action)
    {
        public string MessageId { get; } = messageId;

        public string Action { get; } = action;

        public TaskCompletionSource<OcppFrame> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
