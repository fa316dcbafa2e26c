namespace ChargePortal.Web.Data;

/// <summary>
/// The read side of group commit: many callers read by key, and one query answers all the keys asked for meanwhile.
/// A caller queues its key and awaits its value; when no read is running one starts and takes everything queued (up to
/// <c>maxKeys</c>), and while it runs the next batch gathers. A lone caller waits for its own query only, as before;
/// in a reconnect storm thousands of per-connection reads (each a context, a pooled connection and a statement, and on
/// SQLite a turn at the connection pool's lock) become a few. Every read starts after its caller asked, so a value is
/// as fresh as a read of the caller's own would have been. Keys compare with the key type's default equality (ordinal
/// for strings), as the batched writers do.
/// </summary>
public sealed class GroupRead<TKey, TValue>(
    Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> read,
    int maxKeys = 500)
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private Dictionary<TKey, TaskCompletionSource<TValue?>> _queued = [];
    private bool _reading;

    /// <summary>Reads queries run so far (tests check that a burst is read in batches).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    private long _reads;

    /// <summary>The key's value, or default when the query did not return it.</summary>
    public Task<TValue?> ReadAsync(TKey key, CancellationToken ct)
    {
        TaskCompletionSource<TValue?>? answer;
        bool start;
        lock (_lock)
        {
            // Joining a read not yet started is as fresh as starting one; a read already running is not joined.
            if (!_queued.TryGetValue(key, out answer))
            {
                answer = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _queued[key] = answer;
            }

            start = !_reading;
            _reading = true;
        }

        if (start)
        {
            _ = Task.Run(ReadQueuedAsync, CancellationToken.None);
        }

        // Not cancelled with the caller: others wait for the same query; this caller only stops waiting.
        return answer.Task.WaitAsync(ct);
    }

    private async Task ReadQueuedAsync()
    {
        while (Next() is { } batch)
        {
            try
            {
                var values = await read(batch.Keys, CancellationToken.None);
                Interlocked.Increment(ref _reads);
                foreach (var (key, answer) in batch)
                {
                    answer.TrySetResult(values.TryGetValue(key, out var value) ? value : default);
                }
            }
            catch (Exception ex)
            {
                // Every caller of the batch sees what its own read would have thrown.
                foreach (var answer in batch.Values)
                {
                    answer.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Takes up to maxKeys queued keys; null (and no read running) when none are queued.</summary>
    private Dictionary<TKey, TaskCompletionSource<TValue?>>? Next()
    {
        lock (_lock)
        {
            if (_queued.Count == 0)
            {
                _reading = false;
                return null;
            }

            if (_queued.Count <= maxKeys)
            {
                var all = _queued;
                _queued = [];
                return all;
            }

            var batch = new Dictionary<TKey, TaskCompletionSource<TValue?>>(maxKeys);
            foreach (var (key, answer) in _queued)
            {
                batch[key] = answer;
                if (batch.Count == maxKeys)
                {
                    break;
                }
            }

            foreach (var key in batch.Keys)
            {
                _queued.Remove(key);
            }

            return batch;
        }
    }
}
