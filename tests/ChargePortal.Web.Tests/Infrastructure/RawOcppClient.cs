using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// A bare OCPP-J station for tests: sends exactly the text it is given and reads frames back, so
/// tests can also send malformed frames. CSMS-initiated CALLs are queued for <see cref="ExpectCallAsync"/>.
/// </summary>
public sealed class RawOcppClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonArray> _results = Channel.CreateUnbounded<JsonArray>();
    private readonly Channel<JsonArray> _calls = Channel.CreateUnbounded<JsonArray>();
    private readonly Task _reader;
    private int _nextId;

    private RawOcppClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    public string? SubProtocol => _socket.SubProtocol;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<RawOcppClient> ConnectAsync(Uri ocppBase, string stationId, string[] subprotocols, string? password = null,
        Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        foreach (var p in subprotocols)
        {
            socket.Options.AddSubProtocol(p);
        }

        if (password is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{stationId}:{password}")));
        }

        using var timeout = new CancellationTokenSource(DefaultWait);
        await socket.ConnectAsync(new Uri(ocppBase, Uri.EscapeDataString(stationId)), timeout.Token);
        return new RawOcppClient(socket);
    }

    /// <summary>Tries the handshake and reports the HTTP status the server refused it with.</summary>
    public static async Task<HttpStatusCode> RefusedStatusAsync(Uri ocppBase, string stationId, string subprotocol, string? password = null,
        Action<ClientWebSocketOptions>? configure = null)
    {
        using var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        socket.Options.AddSubProtocol(subprotocol);
        socket.Options.CollectHttpResponseDetails = true;
        if (password is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{stationId}:{password}")));
        }

        try
        {
            await socket.ConnectAsync(new Uri(ocppBase, Uri.EscapeDataString(stationId)), CancellationToken.None);
            return HttpStatusCode.SwitchingProtocols;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends a CALL and returns the CALLRESULT/CALLERROR frame that answers it.</summary>
    public async Task<JsonArray> CallAsync(string action, JsonNode payload, string? messageId = null)
    {
        messageId ??= "m" + Interlocked.Increment(ref _nextId);
        await SendTextAsync(new JsonArray(2, messageId, action, payload.DeepClone()).ToJsonString());
        return await ExpectAnswerAsync(messageId);
    }

    /// <summary>Sends a CALL and returns the CALLRESULT payload, failing on a CALLERROR.</summary>
    public async Task<JsonObject> CallOkAsync(string action, JsonNode payload)
    {
        var answer = await CallAsync(action, payload);
        if ((int)answer[0]! != 3)
        {
            throw new InvalidOperationException($"{action} was answered with {answer.ToJsonString()}");
        }

        return answer[2]!.AsObject();
    }

    public async Task<JsonArray> ExpectAnswerAsync(string messageId)
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        while (true)
        {
            var frame = await _results.Reader.ReadAsync(timeout.Token);
            if ((string?)frame[1] == messageId)
            {
                return frame;
            }
        }
    }

    /// <summary>The next CALL the CSMS sends, whatever its action.</summary>
    public async Task<JsonArray> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when the CSMS sends no CALL within <paramref name="wait"/>; a CALL that does come stays for <see cref="NextCallAsync"/>.</summary>
    public async Task<bool> NoCallWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return !await _calls.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public async Task<JsonArray> ExpectCallAsync(string action)
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        var call = await _calls.Reader.ReadAsync(timeout.Token);
        if ((string?)call[2] != action)
        {
            throw new InvalidOperationException($"Expected {action}, the CSMS sent {call.ToJsonString()}");
        }

        return call;
    }

    public Task RespondAsync(JsonArray call, JsonNode payload) =>
        SendTextAsync(new JsonArray(3, (string?)call[1], payload.DeepClone()).ToJsonString());

    public Task RespondErrorAsync(JsonArray call, string code, string description) =>
        SendTextAsync(new JsonArray(4, (string?)call[1], code, description, new JsonObject()).ToJsonString());

    /// <summary>Waits until the server closes the socket.</summary>
    public async Task WaitClosedAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultWait);
        await _reader.WaitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already closed by the server.
        }

        await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(5)));
        _socket.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var frame = JsonNode.Parse(message.ToArray())!.AsArray();
                message.SetLength(0);
                await ((int)frame[0]! == 2 ? _calls : _results).Writer.WriteAsync(frame);
            }
        }
        catch (WebSocketException)
        {
            // The server dropped the connection; tests observe State.
        }
        finally
        {
            _results.Writer.TryComplete();
            _calls.Writer.TryComplete();
        }
    }
}
