using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ChargePortal.Benchmarks;

/// <summary>
/// One simulated OCPP 1.6 station of the load. The <see cref="Pacer"/> triggers its messages; a receive loop reads
/// every frame: a CALLRESULT/CALLERROR completes the station's outstanding CALL, a CALL from the CSMS (a command) is
/// answered at once with a valid CALLRESULT, or a CALLERROR NotImplemented for actions the load does not simulate.
/// </summary>
internal sealed class LoadStation : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    // The first boot registers the station (database writes while hundreds of others connect): not measured, so it may
    // take as long as the WebSocket handshake is given.
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly PacedCall _paced = new();
    private readonly byte[] _frame = new byte[PacedFrame.MaxLength];
    private byte[] _buffer = new byte[8192];
    private volatile PendingCall? _pending;

    // Paced messages start once the station has booted (and, in a storm, reported its status): one CALL at a time.
    private volatile bool _ready;
    private Task _receiving = Task.CompletedTask;
    private long _next;

    private LoadStation(ClientWebSocket socket, string id, int node)
    {
        _socket = socket;
        Id = id;
        Node = node;
    }

    public string Id { get; }

    /// <summary>Index of the node this station is connected to.</summary>
    public int Node { get; }

    public List<double> Latencies { get; } = [];

    /// <summary>For each of <see cref="Latencies"/>: the call's message (its id modulo 3, see <see cref="PacedFrame.Write"/>) and when it was sent.</summary>
    public List<(byte Message, long SentAt)> Sent { get; } = [];

    public long Errors { get; private set; }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    public static async Task<LoadStation> ConnectAsync(Uri ocpp, string id, int node)
    {
        var station = Create(id, node);
        try
        {
            await station.OpenAsync(ocpp, TimeSpan.FromSeconds(30));
            if (!await station.CallAsync("BootNotification", BootPayload, BootTimeout, CancellationToken.None))
            {
                throw new InvalidOperationException($"{id}: BootNotification was not answered.");
            }
        }
        catch
        {
            await station.DisposeAsync();
            throw;
        }

        station._ready = true;
        return station;
    }

    public const string BootPayload = """{"chargePointVendor":"Bench","chargePointModel":"Load"}""";

    /// <summary>A station not connected yet (see <see cref="OpenAsync"/>); the pacer skips it until it is ready.</summary>
    public static LoadStation Create(string id, int node)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        return new LoadStation(socket, id, node);
    }

    /// <summary>The WebSocket handshake, then the receive loop.</summary>
    public async Task OpenAsync(Uri ocpp, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _socket.ConnectAsync(new Uri(ocpp, Id), cancel.Token);
        _receiving = ReceiveLoopAsync();
    }

    /// <summary>A CALL outside the paced load (boot, the first status); true when answered with a CALLRESULT.</summary>
    public Task<bool> CallOnceAsync(string action, string payload, TimeSpan timeout) => CallAsync(action, payload, timeout, CancellationToken.None);

    /// <summary>From now on the pacer sends this station's messages.</summary>
    public void StartPacing() => _ready = true;

    /// <summary>
    /// Sends the station's next message, the <see cref="Pacer"/> calling at the station's fixed time in each interval. A
    /// station whose previous message is still unanswered sends as soon as that answer arrives (one CALL outstanding at
    /// a time, as OCPP requires), so a slow server sees the same demand as a fast one.
    /// </summary>
    public void Due(MeasuringFlag measuring)
    {
        lock (_paced)
        {
            if (_paced.InFlight != 0)
            {
                _paced.Late = true;
                return;
            }
        }

        SendNext(measuring);
    }

    /// <summary>Counts a paced call unanswered for longer than the answer timeout as an error and frees the station.</summary>
    public void ExpireOverdue(long now, MeasuringFlag measuring)
    {
        lock (_paced)
        {
            if (_paced.InFlight == 0 || Stopwatch.GetElapsedTime(_paced.SentAt, now) < AnswerTimeout)
            {
                return;
            }

            _paced.InFlight = 0;
            _paced.Late = false;
            if (_paced.Counts && measuring.On)
            {
                Errors++;
            }
        }
    }

    private void SendNext(MeasuringFlag measuring)
    {
        if (!_ready || !IsOpen)
        {
            return;
        }

        var id = Interlocked.Increment(ref _next);
        var length = PacedFrame.Write(_frame, id, DateTime.UtcNow);
        lock (_paced)
        {
            _paced.InFlight = id;
            _paced.SentAt = Stopwatch.GetTimestamp();
            _paced.Measuring = measuring;
            _paced.Counts = measuring.On;
        }

        // Loopback sends nearly always complete synchronously, so the pacer's thread does the work without a hop. The
        // frame buffer is reused: the next paced send waits for this call's answer, so this send is long finished.
        _ = SendPacedAsync(_frame.AsMemory(0, length));
    }

    private async Task SendPacedAsync(ReadOnlyMemory<byte> frame)
    {
        try
        {
            await SendAsync(frame, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection is gone: the call expires and the station no longer counts as held.
        }
    }

    /// <summary>
    /// True when the frame answered the paced call. Its latency (or error) counts when the call was sent and answered
    /// within the measured window: calls left over from the warm-up (the boot storm) are not steady-state load.
    /// </summary>
    private bool CompletePaced(long id, bool ok)
    {
        MeasuringFlag? measuring;
        lock (_paced)
        {
            if (id == 0 || _paced.InFlight != id)
            {
                return false;
            }

            _paced.InFlight = 0;
            measuring = _paced.Measuring;
            if (_paced.Counts && measuring?.On == true)
            {
                if (ok)
                {
                    Latencies.Add(Stopwatch.GetElapsedTime(_paced.SentAt).TotalMilliseconds);
                    Sent.Add(((byte)(id % 3), _paced.SentAt));
                }
                else
                {
                    Errors++;
                }
            }

            if (!_paced.Late)
            {
                return true;
            }

            _paced.Late = false;
        }

        SendNext(measuring!);
        return true;
    }

    /// <summary>Closes the connection (waiting briefly for the server's close) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }

            // The receive loop ends on the server's close frame.
            await _receiving.WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
        {
            // Gone already, or not closing: disposing aborts it.
        }

        _socket.Dispose();
        _ready = false;
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _sending.Dispose();
    }

    /// <summary>Sends a CALL and waits for its answer; true for a CALLRESULT.</summary>
    private async Task<bool> CallAsync(string action, string payload, TimeSpan timeout, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        var pending = new PendingCall(id);
        _pending = pending;
        try
        {
            await SendAsync($"[2,\"{id}\",\"{action}\",{payload}]", ct);
            return await pending.Answer.Task.WaitAsync(timeout, ct);
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or ObjectDisposedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
        finally
        {
            _pending = null;
        }
    }

    private Task SendAsync(string frame, CancellationToken ct) => SendAsync(Encoding.UTF8.GetBytes(frame), ct);

    private async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (_socket.State == WebSocketState.Open || _socket.State == WebSocketState.CloseSent)
            {
                var (length, type) = await ReceiveFrameAsync();
                if (type == WebSocketMessageType.Close)
                {
                    break;
                }

                await DispatchAsync(length);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Connection gone: the outstanding call fails below.
        }
        finally
        {
            _pending?.Answer.TrySetResult(false);
        }
    }

    // Pooled: a frame that is not there yet suspends this method, which would otherwise allocate per frame.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(int Length, WebSocketMessageType Type)> ReceiveFrameAsync()
    {
        var received = 0;
        while (true)
        {
            if (received == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var result = await _socket.ReceiveAsync(_buffer.AsMemory(received), CancellationToken.None);
            received += result.Count;
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return (received, result.MessageType);
            }
        }
    }

    private async Task DispatchAsync(int length)
    {
        var frame = _buffer.AsMemory(0, length);
        var (messageType, pacedId) = PacedFrame.ReadAnswer(frame.Span);
        if (messageType is 3 or 4 && CompletePaced(pacedId, messageType == 3))
        {
            return;
        }

        // Anything else is rare (the boot, a command from the CSMS): read it in full.
        var (type, id, action) = ReadHeader(frame.Span);
        switch (type)
        {
            case 3 or 4:
                if (_pending is { } pending && pending.Id == id)
                {
                    pending.Answer.TrySetResult(type == 3);
                }

                break;
            case 2:
                await SendAsync(AnswerFor(id, action), CancellationToken.None);
                break;
        }
    }

    /// <summary>Valid OCPP 1.6 answers for the commands the benchmark sends; anything else is not implemented here.</summary>
    private static string AnswerFor(string id, string action)
    {
        var quotedId = JsonSerializer.Serialize(id);
        return action switch
        {
            "GetConfiguration" => $$"""[3,{{quotedId}},{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}]}]""",
            "ChangeConfiguration" or "TriggerMessage" or "ClearCache" or "ChangeAvailability" or "UnlockConnector" or "Reset" =>
                $$"""[3,{{quotedId}},{"status":"Accepted"}]""",
            _ => $$"""[4,{{quotedId}},"NotImplemented",{{JsonSerializer.Serialize("The load generator does not simulate " + action)}},{}]""",
        };
    }

    /// <summary>Message type, unique id and (for a CALL) action; type 0 for a frame that is not OCPP-J, which is ignored.</summary>
    private static (int MessageType, string Id, string Action) ReadHeader(ReadOnlySpan<byte> frame)
    {
        try
        {
            return ReadHeaderOrThrow(frame);
        }
        catch (JsonException)
        {
            return (0, "", "");
        }
    }

    private static (int MessageType, string Id, string Action) ReadHeaderOrThrow(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.Number
            || !reader.TryGetInt32(out var messageType) || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return (0, "", "");
        }

        var id = reader.GetString() ?? "";
        var action = messageType == 2 && reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
        return (messageType, id, action);
    }

    /// <summary>The station's paced message in flight (0: none); guarded by locking the instance.</summary>
    private sealed class PacedCall
    {
        public long InFlight { get; set; }

        public bool Counts { get; set; }

        public long SentAt { get; set; }

        public bool Late { get; set; }

        public MeasuringFlag? Measuring { get; set; }
    }

    private sealed class PendingCall(string id)
    {
        public string Id { get; } = id;

        public TaskCompletionSource<bool> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
