using ChargePortal.Ocpp;

namespace ChargePortal.Simulator.Transport;

/// <summary>What a station needs to open its OCPP connection: where, who, which protocol version, which credentials.</summary>
public sealed record ChargePointConnectRequest(Uri CsmsBaseUrl, string ChargePointId, OcppVersion Version, string? Password)
{
    /// <summary>The endpoint of the contract: <c>{base}/{chargePointId}</c>, the id URL-encoded.</summary>
    public Uri EndpointUrl => new($"{CsmsBaseUrl.ToString().TrimEnd('/')}/{Uri.EscapeDataString(ChargePointId)}");
}

/// <summary>Opens connections to a CSMS: the WebSocket one for real use, an in-memory one for tests.</summary>
public interface IChargePointTransport
{
    /// <summary>Connects and verifies that the CSMS chose the requested subprotocol; throws if it did not or if the connection fails.</summary>
    Task<IChargePointConnection> ConnectAsync(ChargePointConnectRequest request, CancellationToken ct);
}

/// <summary>One open, message-oriented, duplex connection carrying OCPP-J text frames.</summary>
public interface IChargePointConnection : IAsyncDisposable
{
    /// <summary>The subprotocol the CSMS selected.</summary>
    string Subprotocol { get; }

    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct);

    /// <summary>The next complete text frame, or null once the connection is closed (by either side).</summary>
    ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct);

    /// <summary>Closes the connection gracefully; receivers on both sides then see null.</summary>
    Task CloseAsync(CancellationToken ct);
}

/// <summary>The connection could not be opened or the CSMS did not accept the requested subprotocol.</summary>
public sealed class ChargePointConnectException : Exception
{
    public ChargePointConnectException()
    {
    }

    public ChargePointConnectException(string message)
        : base(message)
    {
    }

    public ChargePointConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
