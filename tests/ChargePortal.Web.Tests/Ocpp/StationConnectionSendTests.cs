using System.Net.WebSockets;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Ocpp.MessageLog;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// A station that answers Reset and reboots at once closes its connection while the CSMS's send is still
/// finishing on another thread. That send must end as sent or as "connection closed", never as a crash (an API
/// 500 with ObjectDisposedException, seen in EveryCommandTests under load).
/// </summary>
public sealed class StationConnectionSendTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly byte[] Heartbeat = """[2,"1","Heartbeat",{}]"""u8.ToArray();

    [Fact]
    public async Task A_send_that_finishes_after_the_connection_was_disposed_ends_without_an_error()
    {
        var wire = new HeldWriteStream();
        using var socket = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions { IsServer = true });
        var connection = Connect(socket);

        var sending = connection.SendAsync(Heartbeat, CancellationToken.None).AsTask();
        await wire.WriteStarted.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await connection.DisposeAsync();
        wire.FinishWrite();

        var outcome = await Record.ExceptionAsync(() => sending);
        (outcome is null or OcppConnectionClosedException).ShouldBeTrue($"the send ended with {outcome}");
    }

    [Fact]
    public async Task A_send_on_a_closed_socket_is_connection_closed()
    {
        var wire = new HeldWriteStream();
        wire.FinishWrite();
        var socket = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions { IsServer = true });
        var connection = Connect(socket);
        socket.Dispose();

        await Should.ThrowAsync<OcppConnectionClosedException>(() => connection.SendAsync(Heartbeat, CancellationToken.None).AsTask());
        await connection.DisposeAsync();
    }

    private StationConnection Connect(WebSocket socket) =>
        new("SEND-01", OcppVersion.V16, socket, _ => OcppCallHandler.From((_, _) => ValueTask.FromResult(OcppCallOutcome.Error(OcppErrorCode.NotImplemented, "test"))),
            new OcppRpcOptions(), 65_536, factory.Services.GetRequiredService<OcppMessageLogWriter>(), TimeProvider.System, NullLogger.Instance);

    /// <summary>A transport whose writes wait until the test lets them finish, as a slow socket thread would.</summary>
    private sealed class HeldWriteStream : Stream
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WriteStarted => _started.Task;

        public void FinishWrite() => _finish.TrySetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _started.TrySetResult();
            await _finish.Task;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => 0, TaskScheduler.Default));

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
