using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ChargePortal.Benchmarks;

/// <summary>What a fleet station sends on its own schedule.</summary>
internal enum FleetMessage : byte
{
    None,
    Heartbeat,
    MeterValues,
}

/// <summary>
/// One OCPP 1.6 station of a realistic fleet (<see cref="FleetRun"/>) over a <see cref="FleetSocket"/>: it boots, a
/// charging station starts a transaction and reports <c>Charging</c>, an idle one reports <c>Available</c>; then the
/// <see cref="FleetPacer"/> has it send a Heartbeat every heartbeat interval and, while charging, MeterValues of that
/// transaction every meter interval. One CALL outstanding at a time, as OCPP requires: a message due while the previous
/// one is unanswered goes as soon as the answer arrives. CALLs from the CSMS are answered (see <see cref="AnswerFor"/>).
/// </summary>
internal sealed class FleetStation(string id, bool charging, FleetStats stats)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(60);

    [ThreadStatic]
    private static byte[]? t_frame;

    private readonly Lock _gate = new();
    private FleetSocket? _socket;
    private long _next;
    private long _transactionId;
    private long _energyWh;

    // Guarded by _gate: the paced call in flight (0: none), when it went, whether it counts, and a message that fell due meanwhile.
    private long _inFlight;
    private long _sentAt;
    private bool _counts;
    private FleetMessage _late;

    // A call outside the pacing (boot, start, status): its id and its answer's payload (null for a CALLERROR).
    private long _setupId;
    private TaskCompletionSource<string?>? _setupAnswer;

    public string Id { get; } = id;

    public bool Charging { get; } = charging;

    public bool IsOpen => _socket?.IsOpen == true;

    public bool Ready { get; private set; }

    /// <summary>Connects, boots, starts its transaction (when charging) and reports its connector; throws when any of it fails.</summary>
    public async Task StartAsync(IPAddress source, IPEndPoint server, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SetupTimeout);
        _socket = await FleetSocket.ConnectAsync(source, server, "/ocpp/" + Id, timeout.Token);
        _ = _socket.ReceiveAsync(OnFrame);
        _ = await SetupCallAsync("BootNotification", LoadStation.BootPayload, timeout.Token);
        if (Charging)
        {
            var started = await SetupCallAsync("StartTransaction",
                $$"""{"connectorId":1,"idTag":"FLEET-{{Id[^5..]}}","meterStart":0,"timestamp":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}"}""", timeout.Token);
            using var answer = JsonDocument.Parse(started);
            _transactionId = answer.RootElement.TryGetProperty("transactionId", out var t) && t.TryGetInt64(out var tid) ? tid : 0;
        }

        _ = await SetupCallAsync("StatusNotification",
            $$"""{"connectorId":1,"errorCode":"NoError","status":"{{(Charging ? "Charging" : "Available")}}"}""", timeout.Token);
        Ready = true;
    }

    /// <summary>The pacer's call: <paramref name="message"/> is due now.</summary>
    public void Due(FleetMessage message, bool measuring)
    {
        lock (_gate)
        {
            if (_inFlight != 0)
            {
                // A meter sample outranks a heartbeat (a station sends its sample; the heartbeat is implied).
                _late = _late == FleetMessage.MeterValues ? _late : message;
                return;
            }
        }

        Send(message, measuring);
    }

    /// <summary>A paced call unanswered for longer than the answer timeout counts as an error and frees the station.</summary>
    public void ExpireOverdue(long now)
    {
        lock (_gate)
        {
            if (_inFlight == 0 || Stopwatch.GetElapsedTime(_sentAt, now) < AnswerTimeout)
            {
                return;
            }

            _inFlight = 0;
            _late = FleetMessage.None;
            if (_counts && stats.Measuring)
            {
                stats.Error();
            }
        }
    }

    public void Close() => _socket?.Dispose();

    private void Send(FleetMessage message, bool measuring)
    {
        if (!Ready || _socket is not { IsOpen: true } socket)
        {
            return;
        }

        var id = Interlocked.Increment(ref _next);
        var frame = t_frame ??= new byte[512];
        var length = Write(frame, id, message);
        lock (_gate)
        {
            _inFlight = id;
            _sentAt = Stopwatch.GetTimestamp();
            _counts = measuring;
        }

        if (measuring)
        {
            stats.Sent();
        }

        _ = socket.SendText(frame.AsSpan(0, length));
    }

    private int Write(byte[] buffer, long id, FleetMessage message)
    {
        int written;
        var ok = message == FleetMessage.MeterValues
            ? Utf8.TryWrite(buffer, CultureInfo.InvariantCulture,
                $"[2,\"{id}\",\"MeterValues\",{{\"connectorId\":1,\"transactionId\":{_transactionId},\"meterValue\":[{{\"timestamp\":\"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"sampledValue\":[{{\"value\":\"{_energyWh += 180}\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}}]}}]}}]", out written)
            : Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"[2,\"{id}\",\"Heartbeat\",{{}}]", out written);
        return ok ? written : throw new InvalidOperationException("A fleet frame does not fit in 512 bytes.");
    }

    private async Task<string> SetupCallAsync(string action, string payload, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _next);
        var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _setupId = id;
            _setupAnswer = answer;
        }

        if (!_socket!.SendText(Encoding.UTF8.GetBytes($"[2,\"{id}\",\"{action}\",{payload}]")))
        {
            throw new InvalidOperationException($"{Id}: the connection closed before {action}.");
        }

        var result = await answer.Task.WaitAsync(ct);
        return result ?? throw new InvalidOperationException($"{Id}: {action} was answered with a CALLERROR.");
    }

    private void OnFrame(ReadOnlyMemory<byte> frame)
    {
        var (type, numericId) = PacedFrame.ReadAnswer(frame.Span);
        if (type is 3 or 4 && CompletePaced(numericId, type == 3))
        {
            return;
        }

        var (messageType, id, action, payload) = Read(frame.Span);
        switch (messageType)
        {
            case 3 or 4:
                TaskCompletionSource<string?>? setup;
                lock (_gate)
                {
                    setup = _setupAnswer is not null && _setupId.ToString(CultureInfo.InvariantCulture) == id ? _setupAnswer : null;
                }

                setup?.TrySetResult(messageType == 3 ? payload : null);
                break;
            case 2:
                _socket?.SendText(Encoding.UTF8.GetBytes(AnswerFor(id, action)));
                break;
        }
    }

    private bool CompletePaced(long id, bool ok)
    {
        FleetMessage late;
        bool counts;
        long sentAt;
        lock (_gate)
        {
            if (id == 0 || _inFlight != id)
            {
                return false;
            }

            _inFlight = 0;
            counts = _counts && stats.Measuring;
            sentAt = _sentAt;
            late = _late;
            _late = FleetMessage.None;
        }

        if (counts)
        {
            if (ok)
            {
                stats.Answered(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
            }
            else
            {
                stats.Error();
            }
        }

        if (late != FleetMessage.None)
        {
            Send(late, stats.Measuring);
        }

        return true;
    }

    /// <summary>Valid OCPP 1.6 answers to what a CSMS asks after a boot; anything else is not implemented here.</summary>
    private static string AnswerFor(string id, string action)
    {
        var quotedId = JsonSerializer.Serialize(id);
        return action switch
        {
            "GetConfiguration" => $$"""[3,{{quotedId}},{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}]}]""",
            "ChangeConfiguration" or "TriggerMessage" or "ClearCache" or "ChangeAvailability" or "SetChargingProfile" =>
                $$"""[3,{{quotedId}},{"status":"Accepted"}]""",
            _ => $$"""[4,{{quotedId}},"NotImplemented",{{JsonSerializer.Serialize("The fleet does not simulate " + action)}},{}]""",
        };
    }

    /// <summary>Message type, id, action (a CALL) and payload (a CALLRESULT) of a frame read in full; type 0 when it is not OCPP-J.</summary>
    private static (int Type, string Id, string Action, string Payload) Read(ReadOnlySpan<byte> frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame.ToArray());
            var root = document.RootElement;
            var type = root[0].GetInt32();
            var id = root[1].GetString() ?? "";
            return type switch
            {
                2 => (2, id, root[2].GetString() ?? "", ""),
                3 => (3, id, "", root[2].GetRawText()),
                _ => (type, id, "", ""),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            return (0, "", "", "");
        }
    }
}
