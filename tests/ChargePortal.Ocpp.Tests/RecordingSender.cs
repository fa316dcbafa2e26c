using System.Text;
using System.Threading.Channels;
using ChargePortal.Ocpp.Rpc;

namespace ChargePortal.Ocpp.Tests;

/// <summary>Captures the frames a peer sends, so a test can read them in order.</summary>
public sealed class RecordingSender : IOcppFrameSender
{
    private readonly Channel<string> _frames = Channel.CreateUnbounded<string>();

    public ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
    {
        _frames.Writer.TryWrite(Encoding.UTF8.GetString(utf8Frame.Span));
        return ValueTask.CompletedTask;
    }

    public async Task<string> NextAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await _frames.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out string? frame) => _frames.Reader.TryRead(out frame);
}

/// <summary>Delivers every frame to another peer, like a WebSocket between them.</summary>
public sealed class PipeSender : IOcppFrameSender
{
    public OcppRpcPeer? Target { get; set; }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
        => await Target!.ReceiveAsync(utf8Frame.ToArray(), ct);
}
