using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using ChargePortal.Ocpp;

namespace ChargePortal.Simulator.Transport;

/// <summary>OCPP-J over <see cref="ClientWebSocket"/>: requests the version's subprotocol and sends HTTP Basic auth when a password is set.</summary>
public sealed class WebSocketChargePointTransport : IChargePointTransport
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<IChargePointConnection> ConnectAsync(ChargePointConnectRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = request.Version.Subprotocol();
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.AddSubProtocol(expected);
            socket.Options.KeepAliveInterval = KeepAliveInterval;
            if (request.Password is not null)
            {
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{request.ChargePointId}:{request.Password}"));
                socket.Options.SetRequestHeader("Authorization", $"Basic {credentials}");
            }

            try
            {
                await socket.ConnectAsync(request.EndpointUrl, ct);
            }
            catch (WebSocketException ex)
            {
                throw new ChargePointConnectException($"Could not connect to {request.EndpointUrl}: {ex.Message}", ex);
            }

            if (!string.Equals(socket.SubProtocol, expected, StringComparison.Ordinal))
            {
                // Nothing may be spoken on a connection without the agreed subprotocol: drop it.
                socket.Abort();
                throw new ChargePointConnectException(
                    $"The CSMS chose subprotocol '{socket.SubProtocol ?? "(none)"}' instead of '{expected}'.");
            }

            var connection = new WebSocketConnection(socket, expected);
            socket = null;
            return connection;
        }
        finally
        {
            socket?.Dispose();
        }
    }

    // Sends our close frame and waits (bounded) for the server's; a server that never answers gets the socket aborted.
    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(CloseTimeout);
        try
        {
            await socket.CloseAsync(status, null, bounded.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The server already closed or does not answer; nothing left to do.
            socket.Abort();
        }
    }

    private sealed class WebSocketConnection(ClientWebSocket socket, string subprotocol) : IChargePointConnection
    {
        private readonly ClientWebSocket _socket = socket;

        public string Subprotocol { get; } = subprotocol;

        public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
            => await _socket.SendAsync(utf8Frame, WebSocketMessageType.Text, endOfMessage: true, ct);

        public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), ct);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await CloseQuietlyAsync(_socket, WebSocketCloseStatus.NormalClosure, ct);
                        return null;
                    }

                    buffer.Advance(result.Count);
                    if (result.EndOfMessage)
                    {
                        return buffer.WrittenMemory;
                    }
                }
            }
            catch (WebSocketException)
            {
                return null;
            }
        }

        public async Task CloseAsync(CancellationToken ct)
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await CloseQuietlyAsync(_socket, WebSocketCloseStatus.NormalClosure, ct);
            }
        }

        public ValueTask DisposeAsync()
        {
            _socket.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
