using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Ocpp.MessageLog;

namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>One station's WebSocket: reads text frames into its <see cref="OcppRpcPeer"/> and writes the peer's frames.</summary>
public sealed partial class StationConnection : IStationConnection, IOcppFrameSender, IAsyncDisposable
{
    private const int ReceiveChunk = 4096;
    private readonly WebSocket _socket;
    private readonly int _maxFrameBytes;
    private readonly OcppMessageLogWriter _messageLog;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public StationConnection(
        string stationId,
        OcppVersion version,
        WebSocket socket,
        Func<StationConnection, IOcppCallHandler> handlerFactory,
        OcppRpcOptions rpcOptions,
        int maxFrameBytes,
        OcppMessageLogWriter messageLog,
        TimeProvider time,
        ILogger logger)
    {
        StationId = stationId;
        Version = version;
        ConnectedAt = time.GetUtcNow();
        _socket = socket;
        _maxFrameBytes = maxFrameBytes;
        _messageLog = messageLog;
        _logger = logger;
        _time = time;
        Peer = new OcppRpcPeer(version, this, handlerFactory(this), rpcOptions, time, logger);
        Peer.FrameLogged += (_, entry) => Log(entry.Direction == OcppFrameDirection.Incoming ? MessageDirection.FromStation : MessageDirection.ToStation,
            (int?)entry.MessageType ?? 0, entry.MessageId, entry.Action, entry.Frame, entry.Timestamp);
    }

    public string StationId { get; }

    public OcppVersion Version { get; }

    public DateTimeOffset ConnectedAt { get; }

    public OcppRpcPeer Peer { get; }

    /// <summary>
    /// Writes one frame. A socket that closed under the send (a station that answers Reset and reboots at once)
    /// is <see cref="OcppConnectionClosedException"/>, what callers already handle as "offline".
    /// </summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(utf8Frame, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException && _socket.State != WebSocketState.Open)
        {
            throw new OcppConnectionClosedException();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Reads frames until the station or the server closes the connection.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var buffer = new PooledFrameBuffer();
        var oversized = 0L;
        try
        {
            while (_socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                var result = await ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, "Bye", CancellationToken.None);
                    break;
                }

                if (oversized > 0)
                {
                    oversized += result.Count;
                }
                else
                {
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > _maxFrameBytes)
                    {
                        oversized = buffer.WrittenCount;
                    }
                }

                if (!result.EndOfMessage)
                {
                    if (oversized > 0 && buffer.WrittenCount > ReceiveChunk)
                    {
                        // Keep the head (it holds the message id) and discard the rest as it streams in.
                        var head = buffer.WrittenSpan[..ReceiveChunk].ToArray();
                        buffer.ResetWrittenCount();
                        buffer.Write(head);
                    }

                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    _logger.LogWarning("{StationId} sent a binary frame; OCPP-J uses text frames only. Ignored.", StationId);
                }
                else if (oversized > 0)
                {
                    await RefuseOversizedAsync(buffer.WrittenMemory, oversized, ct);
                }
                else
                {
                    await Peer.ReceiveAsync(buffer.WrittenMemory, ct);
                }

                buffer.Release();
                oversized = 0;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Server shutting down: tell the station to come back (to this node or another).
            await CloseQuietlyAsync(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down", CancellationToken.None);
        }
        catch (WebSocketException ex)
        {
            _logger.LogInformation("Connection of {StationId} dropped: {Reason}", StationId, ex.Message);
        }
        catch (OcppConnectionClosedException)
        {
            // The peer was disposed because the connection was replaced.
        }
    }

    /// <summary>
    /// The next piece of a frame. Between frames the connection first waits with a zero-byte read, which holds no
    /// buffer, and rents one only once the next frame has begun to arrive (an empty frame is complete at once).
    /// </summary>
    private async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(PooledFrameBuffer buffer, CancellationToken ct)
    {
        if (buffer.WrittenCount == 0)
        {
            var waited = await _socket.ReceiveAsync(Memory<byte>.Empty, ct);
            if (waited.EndOfMessage || waited.MessageType == WebSocketMessageType.Close)
            {
                return waited;
            }
        }

        return await _socket.ReceiveAsync(buffer.GetMemory(ReceiveChunk), ct);
    }

    public async Task CloseAsync(string reason, CancellationToken ct)
    {
        await CloseQuietlyAsync(WebSocketCloseStatus.PolicyViolation, reason, ct);
        await Peer.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Peer.DisposeAsync();
        _socket.Dispose();

        // _sendLock is deliberately not disposed: a send still finishing on another thread releases it afterwards,
        // and a disposed SemaphoreSlim would turn that finished send into an ObjectDisposedException.
    }

    /// <summary>A frame over the limit is answered like any malformed CALL, and the connection keeps serving.</summary>
    private async Task RefuseOversizedAsync(ReadOnlyMemory<byte> head, long size, CancellationToken ct)
    {
        var text = Encoding.UTF8.GetString(head.Span);
        var match = CallMessageId().Match(text);
        Log(MessageDirection.FromStation, 0, match.Success ? match.Groups[1].Value : null, null, $"[{size} bytes, over the {_maxFrameBytes}-byte limit] {text[..Math.Min(text.Length, 200)]}", _time.GetUtcNow());
        _logger.LogWarning("{StationId} sent a {Size}-byte frame (limit {Limit})", StationId, size, _maxFrameBytes);
        if (match.Success)
        {
            var error = OcppCallError.Create(Version, match.Groups[1].Value, OcppErrorCode.FormationViolation,
                $"Frame of {size} bytes exceeds this server's limit of {_maxFrameBytes} bytes.");
            var frame = OcppFrameWriter.Write(error);
            Log(MessageDirection.ToStation, 4, error.MessageId, null, Encoding.UTF8.GetString(frame), _time.GetUtcNow());
            await SendAsync(frame, ct);
        }
    }

    private void Log(MessageDirection direction, int messageType, string? messageId, string? action, string payload, DateTimeOffset at) =>
        _messageLog.Append(new OcppMessageLogEntry
        {
            StationId = StationId,
            At = at,
            Direction = direction,
            MessageType = messageType,
            MessageId = messageId is { Length: > 36 } ? messageId[..36] : messageId,
            Action = action,
            Payload = StationSecretMask.MaskJson(payload)!, // AuthorizationKey / BasicAuthPassword values never kept in clear
        });

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string reason, CancellationToken ct)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(status, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex("""^\s*\[\s*2\s*,\s*"([^"]{1,36})"\s*,""")]
    private static partial Regex CallMessageId();
}
