using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using ChargePortal.Simulator.Transport;

namespace ChargePortal.Ocpp.Tests.Simulator;

/// <summary>The real ClientWebSocket transport against a loopback HttpListener WebSocket server.</summary>
public sealed class WebSocketTransportTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _port;

    public WebSocketTransportTests()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
    }

    [Fact(Timeout = 10_000)]
    public async Task Connects_to_the_station_url_with_subprotocol_and_basic_auth_and_exchanges_frames()
    {
        var server = Task.Run(async () =>
        {
            var context = await _listener.GetContextAsync();
            var seen = (context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], context.Request.Headers["Sec-WebSocket-Protocol"]);
            var ws = (await context.AcceptWebSocketAsync("ocpp2.0.1")).WebSocket;
            var buffer = new byte[1024];
            var received = await ws.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            await ws.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);
            return seen;
        }, TestContext.Current.CancellationToken);

        var request = new ChargePointConnectRequest(new Uri($"ws://127.0.0.1:{_port}/ocpp/"), "CP 1", OcppVersion.V201, "s3cret");
        await using var connection = await new WebSocketChargePointTransport().ConnectAsync(request, TestContext.Current.CancellationToken);
        connection.Subprotocol.ShouldBe("ocpp2.0.1");
        await connection.SendAsync(Encoding.UTF8.GetBytes("""[2,"1","Heartbeat",{}]"""), TestContext.Current.CancellationToken);
        var echo = await connection.ReceiveAsync(TestContext.Current.CancellationToken);
        Encoding.UTF8.GetString(echo!.Value.Span).ShouldBe("""[2,"1","Heartbeat",{}]""");
        (await connection.ReceiveAsync(TestContext.Current.CancellationToken)).ShouldBeNull("the server closed");

        var (path, authorization, protocols) = await server;
        path.ShouldBe("/ocpp/CP%201");
        authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CP 1:s3cret")));
        protocols.ShouldBe("ocpp2.0.1");
    }

    [Fact(Timeout = 10_000)]
    public async Task Refuses_a_server_that_does_not_select_the_subprotocol()
    {
        var server = Task.Run(async () =>
        {
            var context = await _listener.GetContextAsync();
            return (await context.AcceptWebSocketAsync(subProtocol: null)).WebSocket;
        }, TestContext.Current.CancellationToken);

        var request = new ChargePointConnectRequest(new Uri($"ws://127.0.0.1:{_port}/ocpp"), "CP1", OcppVersion.V16, null);
        var error = await Should.ThrowAsync<Exception>(async () => await new WebSocketChargePointTransport().ConnectAsync(request, TestContext.Current.CancellationToken));
        error.ShouldBeOfType<ChargePointConnectException>();
        (await server.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    public void Dispose() => _listener.Close();
}
