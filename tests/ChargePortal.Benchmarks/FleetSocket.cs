using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChargePortal.Benchmarks;

/// <summary>
/// A bare WebSocket client over one <see cref="Socket"/>, for fleets of tens of thousands of stations in one process:
/// the handshake written by hand, text frames sent with a zero mask key (RFC 6455 asks only that the mask bit is set),
/// and an idle connection holding no buffer at all: it waits with a zero-byte receive and rents a buffer from the
/// shared pool only once bytes are there. A <see cref="System.Net.WebSockets.ClientWebSocket"/> per station (what
/// <see cref="LoadStation"/> uses) keeps an HTTP handler, a receive buffer and its own send/receive state per
/// connection. The client socket is bound to a chosen loopback source address (127.0.0.2, …) because one address
/// pair has only the ~28,000 ports of the ephemeral range.
/// </summary>
internal sealed class FleetSocket : IDisposable
{
    private const int IpProtocolIp = 0;
    private const int IpBindAddressNoPort = 24; // Linux: the port is chosen at connect, per destination, not at bind
    private const int ReceiveChunk = 4096;
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ=="; // the RFC's sample key: the server's answer is not checked

    private readonly Socket _socket;
    private readonly Lock _sending = new();

    // Bytes of a frame that arrived only in part (rare: the server's frames are small).
    private byte[]? _carry;
    private int _carried;

    private FleetSocket(Socket socket) => _socket = socket;

    public bool IsOpen { get; private set; } = true;

    /// <summary>Connects from <paramref name="source"/>, upgrades to WebSocket with the ocpp1.6 subprotocol; throws with the server's status line when refused.</summary>
    public static async Task<FleetSocket> ConnectAsync(IPAddress source, IPEndPoint server, string path, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(IpProtocolIp, IpBindAddressNoPort, BitConverter.GetBytes(1));
            }

            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(server, ct);
            var request = $"GET {path} HTTP/1.1\r\nHost: {server}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + $"Sec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, ct);
            var client = new FleetSocket(socket);
            await client.ReadHandshakeAsync(ct);
            return client;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one text frame; false when the connection is gone. Safe from any thread (frames never interleave).</summary>
    public bool SendText(ReadOnlySpan<byte> payload)
    {
        var frame = ArrayPool<byte>.Shared.Rent(payload.Length + 8);
        try
        {
            var header = 2;
            frame[0] = 0x81; // FIN, text
            if (payload.Length < 126)
            {
                frame[1] = (byte)(0x80 | payload.Length);
            }
            else
            {
                frame[1] = 0x80 | 126;
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), checked((ushort)payload.Length));
                header = 4;
            }

            frame.AsSpan(header, 4).Clear(); // the mask key: zero, so the payload goes as it is
            payload.CopyTo(frame.AsSpan(header + 4));
            lock (_sending)
            {
                _socket.Send(frame.AsSpan(0, header + 4 + payload.Length), SocketFlags.None);
            }

            return true;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            IsOpen = false;
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>
    /// Hands every text frame to <paramref name="onText"/> until the connection closes. Between frames the connection
    /// waits with a zero-byte receive and holds no buffer.
    /// </summary>
    public async Task ReceiveAsync(Action<ReadOnlyMemory<byte>> onText)
    {
        try
        {
            while (true)
            {
                await _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                var rented = ArrayPool<byte>.Shared.Rent(ReceiveChunk + _carried);
                try
                {
                    _carry.AsSpan(0, _carried).CopyTo(rented);
                    var read = await _socket.ReceiveAsync(rented.AsMemory(_carried), SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    var length = _carried + read;
                    var used = Dispatch(rented.AsMemory(0, length), onText, out var closed);
                    if (closed)
                    {
                        return;
                    }

                    Keep(rented.AsSpan(used, length - used));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The connection is gone.
        }
        finally
        {
            IsOpen = false;
        }
    }

    public void Dispose()
    {
        IsOpen = false;
        _socket.Dispose();
    }

    /// <summary>Complete frames in <paramref name="data"/> are handled; returns how many bytes they took.</summary>
    private int Dispatch(ReadOnlyMemory<byte> data, Action<ReadOnlyMemory<byte>> onText, out bool closed)
    {
        closed = false;
        var at = 0;
        while (TryFrame(data.Span[at..], out var opcode, out var start, out var length))
        {
            var payload = data.Slice(at + start, length);
            at += start + length;
            switch (opcode)
            {
                case 0x1:
                    onText(payload);
                    break;
                case 0x8:
                    closed = true;
                    return at;
                case 0x9:
                    SendControl(0xA, payload.Span); // a ping is answered with its payload
                    break;
            }
        }

        return at;
    }

    private static bool TryFrame(ReadOnlySpan<byte> data, out int opcode, out int start, out int length)
    {
        opcode = 0;
        start = 0;
        length = 0;
        if (data.Length < 2)
        {
            return false;
        }

        opcode = data[0] & 0x0F;
        var size = (long)(data[1] & 0x7F);
        start = 2;
        if (size == 126)
        {
            if (data.Length < 4)
            {
                return false;
            }

            size = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
            start = 4;
        }
        else if (size == 127)
        {
            if (data.Length < 10)
            {
                return false;
            }

            size = (long)BinaryPrimitives.ReadUInt64BigEndian(data[2..]);
            start = 10;
        }

        if (size > 16 * 1024 * 1024)
        {
            throw new SocketException((int)SocketError.MessageSize);
        }

        length = (int)size;
        return data.Length >= start + length;
    }

    private void Keep(ReadOnlySpan<byte> rest)
    {
        if (rest.Length > 0 && (_carry is null || _carry.Length < rest.Length))
        {
            _carry = new byte[Math.Max(rest.Length, 256)];
        }

        rest.CopyTo(_carry);
        _carried = rest.Length;
    }

    private void SendControl(byte opcode, ReadOnlySpan<byte> payload)
    {
        Span<byte> frame = stackalloc byte[6 + 125];
        frame[0] = (byte)(0x80 | opcode);
        frame[1] = (byte)(0x80 | Math.Min(payload.Length, 125));
        frame.Slice(2, 4).Clear();
        payload[..Math.Min(payload.Length, 125)].CopyTo(frame[6..]);
        try
        {
            lock (_sending)
            {
                _socket.Send(frame[..(6 + Math.Min(payload.Length, 125))], SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            IsOpen = false;
        }
    }

    private async Task ReadHandshakeAsync(CancellationToken ct)
    {
        var buffer = new byte[2048];
        var length = 0;
        while (true)
        {
            var read = await _socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, ct);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, 0, end);
                if (!head.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("Refused: " + head.Split("\r\n")[0]);
                }

                Keep(buffer.AsSpan(end + 4, length - end - 4));
                return;
            }

            if (length == buffer.Length)
            {
                throw new InvalidOperationException("The handshake answer is longer than " + buffer.Length + " bytes.");
            }
        }
    }
}
