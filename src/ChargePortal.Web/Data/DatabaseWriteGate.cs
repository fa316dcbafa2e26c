namespace ChargePortal.Web.Data;

/// <summary>
/// Queues the OCPP path's database writes when the database has a single writer. SQLite lets one connection
/// write at a time; a second writer gets SQLITE_BUSY, which Microsoft.Data.Sqlite retries by sleeping on its
/// thread. Under thousands of stations those sleeping threads starve the thread pool and every station's answer
/// waits seconds. Writers that enter here wait their turn asynchronously instead, so no thread ever sleeps.
/// SQL Server locks rows, not the database: there the gate lets everyone through at once.
/// </summary>
public sealed class DatabaseWriteGate : IDisposable
{
    private readonly SemaphoreSlim? _single;

    private DatabaseWriteGate(bool singleWriter)
    {
        _single = singleWriter ? new SemaphoreSlim(1, 1) : null;
    }

    public static DatabaseWriteGate ForProvider(DatabaseProvider provider) => new(provider == DatabaseProvider.Sqlite);

    /// <summary>Holds the write turn until the returned value is disposed; keep the work inside short.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        if (_single is null)
        {
            return default;
        }

        await _single.WaitAsync(ct);
        return new Turn(_single);
    }

    public void Dispose() => _single?.Dispose();

    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
