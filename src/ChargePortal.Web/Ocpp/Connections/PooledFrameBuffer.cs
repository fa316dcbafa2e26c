using System.Buffers;

namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>
/// The bytes of one incoming frame, in an array rented from the shared pool only while a frame is being read and
/// returned as soon as it has been handled. A connected station is idle nearly all the time (a heartbeat every few
/// minutes); a buffer of its own for its whole connection was 4 KiB of every idle station's memory.
/// </summary>
internal sealed class PooledFrameBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[]? _array;

    public int WrittenCount { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, WrittenCount);

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, WrittenCount);

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(WrittenCount);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_array is null || WrittenCount + count > _array.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        WrittenCount += count;
    }

    /// <summary>Empties the buffer, keeping its array (more of the same frame follows).</summary>
    public void ResetWrittenCount() => WrittenCount = 0;

    /// <summary>Empties the buffer and gives its array back to the pool (the frame was handled: nothing reads it any more).</summary>
    public void Release()
    {
        WrittenCount = 0;
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    public void Dispose() => Release();

    private void Reserve(int sizeHint)
    {
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (_array is not null && needed <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array is null ? 0 : _array.Length * 2));
        if (_array is { } old)
        {
            old.AsSpan(0, WrittenCount).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(old);
        }

        _array = larger;
    }
}
