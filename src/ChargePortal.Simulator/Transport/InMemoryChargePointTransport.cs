using System.Threading.Channels;
using ChargePortal.Ocpp;

namespace ChargePortal.Simulator.Transport;

/// <summary>
/// A transport without a network, for tests and benchmarks: every <see cref="ConnectAsync"/> creates a duplex pair and hands
/// the CSMS end to whoever awaits <see cref="AcceptAsync"/>. Set <see cref="IsOnline"/> to false to make connection attempts fail.
/// </summary>
public sealed class InMemoryChargePointTransport : IChargePointTransport
{
    private readonly Channel<InMemoryCsmsConnection> _accepted = Channel.CreateUnbounded<InMemoryCsmsConnection>();

    /// <summary>When false, connection attempts fail as if the CSMS were unreachable.</summary>
    public bool IsOnline { get; set; } = true;

    /// <summary>
    /// The subprotocol the fake CSMS selects; by default it echoes the requested one.
    /// Return something else to test the simulator's subprotocol check.
    /// </summary>
    public Func<ChargePointConnectRequest, string?> SelectSubprotocol { get; set; } = r => r.Version.Subprotocol();

    /// <summary>Number of connection attempts so far, successful or not.</summary>
    public int ConnectAttempts => Volatile.Read(ref _connectAttempts);

    private int _connectAttempts;

    public Task<IChargePointConnection> ConnectAsync(ChargePointConnectRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _connectAttempts);
        if (!IsOnline)
        {
            throw new ChargePointConnectException("The in-memory CSMS is offline.");
        }

        var selected = SelectSubprotocol(request);
        if (!string.Equals(selected, request.Version.Subprotocol(), StringComparison.Ordinal))
        {
            throw new ChargePointConnectException($"The CSMS chose subprotocol '{selected ?? "(none)"}' instead of '{request.Version.Subprotocol()}'.");
        }

        var toCsms = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        var toStation = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        var station = new Endpoint(selected!, toStation.Reader, toCsms.Writer, toStation.Writer);
        var csms = new InMemoryCsmsConnection(request, new Endpoint(selected!, toCsms.Reader, toStation.Writer, toCsms.Writer));
        _accepted.Writer.TryWrite(csms);
        return Task.FromResult<IChargePointConnection>(station);
    }

    /// <summary>The CSMS end of the next connection a station opens.</summary>
    public async Task<InMemoryCsmsConnection> AcceptAsync(CancellationToken ct) => await _accepted.Reader.ReadAsync(ct);

    internal sealed class Endpoint(string subprotocol, ChannelReader<ReadOnlyMemory<byte>> inbound, ChannelWriter<ReadOnlyMemory<byte>> outbound, ChannelWriter<ReadOnlyMemory<byte>> ownInbound)
        : IChargePointConnection
    {
        public string Subprotocol { get; } = subprotocol;

        public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
        {
            if (!outbound.TryWrite(utf8Frame.ToArray()))
            {
                throw new ChannelClosedException("The in-memory connection is closed.");
            }

            await Task.CompletedTask;
        }

        public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct)
        {
            try
            {
                return await inbound.ReadAsync(ct);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }

        public Task CloseAsync(CancellationToken ct)
        {
            outbound.TryComplete();
            ownInbound.TryComplete();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => new(CloseAsync(CancellationToken.None));
    }
}

/// <summary>The CSMS end of an in-memory connection: who connected, plus send/receive/close like a server-side socket.</summary>
public sealed class InMemoryCsmsConnection : IChargePointConnection
{
    private readonly InMemoryChargePointTransport.Endpoint _endpoint;

    internal InMemoryCsmsConnection(ChargePointConnectRequest request, InMemoryChargePointTransport.Endpoint endpoint)
    {
        Request = request;
        _endpoint = endpoint;
    }

    public ChargePointConnectRequest Request { get; }

    public string Subprotocol => _endpoint.Subprotocol;

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct) => _endpoint.SendAsync(utf8Frame, ct);

    public ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct) => _endpoint.ReceiveAsync(ct);

    /// <summary>Drops the connection, as a network failure or a server-side close would.</summary>
    public Task CloseAsync(CancellationToken ct) => _endpoint.CloseAsync(ct);

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();
}
