using System.Globalization;
using System.Text.Json;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Simulator.Transport;

namespace ChargePortal.Ocpp.Tests.Simulator;

/// <summary>A CALL the fake CSMS received, numbered in arrival order, with the (manual) time it arrived.</summary>
public sealed record ReceivedCall(int Index, int Connection, string Action, JsonElement Payload, DateTimeOffset At);

/// <summary>
/// A CSMS without network for simulator tests: an <see cref="OcppRpcPeer"/> per in-memory connection that records every CALL,
/// answers with sensible defaults (overridable per action) and lets the test call the station.
/// </summary>
public sealed class InMemoryCsms : IAsyncDisposable
{
    private readonly ManualTimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<ReceivedCall> _calls = [];
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _acceptLoop;
    private readonly List<Task> _sessions = [];
    private readonly List<OcppRpcPeer> _peers = [];
    private OcppRpcPeer? _peer;
    private InMemoryCsmsConnection? _connection;
    private int _connections;
    private int _nextTransactionId = 100;

    public InMemoryCsms(ManualTimeProvider time)
    {
        _time = time;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public InMemoryChargePointTransport Transport { get; } = new();

    /// <summary>Per-action answers (JSON) replacing the defaults; the function sees the request payload.</summary>
    public Dictionary<string, Func<JsonElement, string>> Responses { get; } = new(StringComparer.Ordinal);

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<ReceivedCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<ReceivedCall> CallsOf(string action) => [.. Calls.Where(c => c.Action == action)];

    /// <summary>Waits (real time, bounded) for a CALL after <paramref name="after"/>; advances the manual clock by <paramref name="step"/> between looks.</summary>
    public async Task<ReceivedCall> WaitForAsync(string action, Func<JsonElement, bool>? where = null, int after = -1, TimeSpan? step = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            lock (_lock)
            {
                var found = _calls.Find(c => c.Index > after && c.Action == action && (where is null || where(c.Payload)));
                if (found is not null)
                {
                    return found;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {action} arrived. Received: {string.Join(", ", Calls.Select(c => c.Action))}");
            }

            if (step is { } by)
            {
                _time.Advance(by);
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Sends a CALL to the connected station and returns its CALLRESULT payload.</summary>
    public async Task<JsonElement> CallAsync(string action, string payloadJson)
    {
        var peer = Volatile.Read(ref _peer) ?? throw new InvalidOperationException("No station is connected.");
        using var document = JsonDocument.Parse(payloadJson);
        return await peer.CallAsync(action, document.RootElement.Clone(), _cts.Token);
    }

    /// <summary>Closes the current connection from the CSMS side, as a network failure would.</summary>
    public async Task DropAsync()
    {
        var connection = Volatile.Read(ref _connection) ?? throw new InvalidOperationException("No station is connected.");
        await connection.CloseAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Task.WhenAll(_sessions);
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
        _cts.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            var connection = await Transport.AcceptAsync(_cts.Token);
            var number = Interlocked.Increment(ref _connections);
            var version = connection.Subprotocol == OcppVersions.Subprotocol16 ? OcppVersion.V16 : OcppVersion.V201;
            var peer = new OcppRpcPeer(
                version,
                new Sender(connection),
                OcppCallHandler.From((call, _) => ValueTask.FromResult(Answer(number, call))),
                new OcppRpcOptions { CallTimeout = TimeSpan.FromDays(1) },
                _time);
            Volatile.Write(ref _connection, connection);
            Volatile.Write(ref _peer, peer);
            _peers.Add(peer);
            _sessions.Add(Task.Run(() => ReceiveLoopAsync(connection, peer)));
        }
    }

    private async Task ReceiveLoopAsync(InMemoryCsmsConnection connection, OcppRpcPeer peer)
    {
        try
        {
            while (await connection.ReceiveAsync(_cts.Token) is { } frame)
            {
                await peer.ReceiveAsync(frame, _cts.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        // The peer is disposed with the CSMS, not here: disposing it right after the last frame can fail a CALLRESULT
        // that was received a moment before the close (OcppRpcPeer cancels the waiting call on dispose).
    }

    private OcppCallOutcome Answer(int connection, OcppIncomingCall call)
    {
        lock (_lock)
        {
            _calls.Add(new ReceivedCall(_calls.Count, connection, call.Action, call.Payload.Clone(), _time.GetUtcNow()));
        }

        var json = Responses.TryGetValue(call.Action, out var respond) ? respond(call.Payload) : Default(call);
        using var document = JsonDocument.Parse(json);
        return OcppCallOutcome.Result(document.RootElement.Clone());
    }

    private string Default(OcppIncomingCall call)
    {
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return (call.Action, call.Version) switch
        {
            ("BootNotification", _) => $$"""{"status":"Accepted","currentTime":"{{now}}","interval":60}""",
            ("Heartbeat", _) => $$"""{"currentTime":"{{now}}"}""",
            ("Authorize", OcppVersion.V16) => """{"idTagInfo":{"status":"Accepted"}}""",
            ("Authorize", _) => """{"idTokenInfo":{"status":"Accepted"}}""",
            ("StartTransaction", _) => $$"""{"idTagInfo":{"status":"Accepted"},"transactionId":{{Interlocked.Increment(ref _nextTransactionId)}}}""",
            ("DataTransfer", _) => """{"status":"Accepted"}""",
            _ => "{}",
        };
    }

    private sealed class Sender(InMemoryCsmsConnection connection) : IOcppFrameSender
    {
        public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct) => connection.SendAsync(utf8Frame, ct);
    }
}
