using System.Threading.Channels;
using ChargePortal.Web.Data;
using ChargePortal.Web.Kernel;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Stations;

/// <summary>
/// Writes what stations say about themselves at connect and boot (registration of an unknown station, online state,
/// boot fields, connector statuses) by group commit: callers queue a change and await it, and the writer stores
/// everything queued meanwhile in one transaction (two reads and one batched save per turn). One station's boot costs
/// what it did before; a storm of thousands costs a few transactions instead of four per station, each waiting its turn
/// at the write gate. Changes apply in the order they were queued, so a disconnect never lands before its connect.
/// </summary>
public sealed class StationStateWriter(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    ILogger<StationStateWriter> logger) : BackgroundService
{
    // A turn at the write gate stays short: meter values and the message log wait behind it.
    private const int MaxChangesPerTransaction = 500;

    // Back-pressure rather than unbounded memory if the database stalls.
    private readonly Channel<StationStateChange> _queue = Channel.CreateBounded<StationStateChange>(new BoundedChannelOptions(100_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private long _pending;

    /// <summary>Changes queued and not yet stored.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Transactions written so far (tests check that a storm is stored in batches).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    private long _transactions;

    /// <summary>Queues the change and completes once it is stored (or throws what storing it threw).</summary>
    public async Task WriteAsync(StationStateChange change, CancellationToken ct) => await await QueueAsync(change, ct);

    /// <summary>Queues the change; completes once it is queued with the task of its storing.</summary>
    public async Task<Task> QueueAsync(StationStateChange change, CancellationToken ct)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            await _queue.Writer.WriteAsync(change, ct);
        }
        catch (ChannelClosedException)
        {
            // The writer has stopped (the host is shutting down, stations disconnecting): stored directly.
            Interlocked.Decrement(ref _pending);
            await StoreAsync([change], ct);
            return Task.CompletedTask;
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }

        // Not cancelled with the caller: once queued the change is stored, and the caller only stops waiting.
        return change.Stored.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<StationStateChange>(MaxChangesPerTransaction);
        try
        {
            // No waiting for a batch to gather: while one transaction is written, the next one queues up.
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxChangesPerTransaction && _queue.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                await FlushAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is stored, and later changes are stored by their callers directly.
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            await FlushAsync(batch, CancellationToken.None);
        }
    }

    private async Task FlushAsync(List<StationStateChange> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await StoreAsync(batch, ct);
            Complete(batch, null);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // One bad change must not fail its neighbours: each is tried alone and only its own caller sees the error.
            logger.LogWarning(ex, "Storing {Count} station changes together failed; storing them one by one", batch.Count);
            foreach (var change in batch)
            {
                try
                {
                    await StoreAsync([change], ct);
                    Complete([change], null);
                }
                catch (Exception single) when (single is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
                {
                    Complete([change], single);
                }
            }
        }
    }

    private void Complete(List<StationStateChange> changes, Exception? error)
    {
        Interlocked.Add(ref _pending, -changes.Count);
        foreach (var change in changes)
        {
            if (error is null)
            {
                change.Stored.TrySetResult();
            }
            else
            {
                change.Stored.TrySetException(error);
            }
        }
    }

    private async Task StoreAsync(IReadOnlyList<StationStateChange> changes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await StationStateBatch.LoadAsync(db, changes, ct);
        foreach (var change in changes)
        {
            change.Apply(state);
        }

        using (await writeGate.EnterAsync(ct))
        {
            await state.SaveAsync(ct);
        }

        Interlocked.Increment(ref _transactions);
    }
}

/// <summary>
/// The rows one transaction of <see cref="StationStateWriter"/> changes. On SQLite they are written by prepared
/// statements, only the columns the changes set (EF's change detection and command batching were a sixth of the host's
/// CPU in a reconnect storm); elsewhere EF tracks and saves them, in one SaveChanges.
/// </summary>
public sealed class StationStateBatch
{
    private readonly AppDbContext _db;
    private readonly bool _direct;
    private readonly Dictionary<string, Station> _stations;
    private readonly Dictionary<string, List<Connector>> _connectors;
    private readonly HashSet<Station> _newStations = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Connector> _newConnectors = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Station, StationColumns> _changedStations = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Connector> _changedConnectors = new(ReferenceEqualityComparer.Instance);

    private StationStateBatch(AppDbContext db, bool direct, Dictionary<string, Station> stations, Dictionary<string, List<Connector>> connectors)
    {
        _db = db;
        _direct = direct;
        _stations = stations;
        _connectors = connectors;
    }

    /// <summary>Reads the stations the changes name, and the connectors of those with a status among them.</summary>
    internal static async Task<StationStateBatch> LoadAsync(AppDbContext db, IReadOnlyList<StationStateChange> changes, CancellationToken ct)
    {
        var direct = db.Database.IsSqlite();
        var stationIds = changes.Select(c => c.StationId).Distinct().ToList();
        var stationRows = direct ? db.Stations.AsNoTracking() : db.Stations;
        var stations = await stationRows.Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
        var statusStations = changes.OfType<ConnectorStatusStored>().Select(c => c.StationId).Distinct().ToList();
        var connectorRows = direct ? db.Connectors.AsNoTracking() : db.Connectors;
        var connectors = statusStations.Count == 0 ? []
            : (await connectorRows.Where(c => statusStations.Contains(c.StationId)).ToListAsync(ct)).ToLookup(c => c.StationId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return new StationStateBatch(db, direct, stations, connectors);
    }

    public Station? Station(string id) => _stations.GetValueOrDefault(id);

    public void AddStation(Station station)
    {
        _newStations.Add(station);
        _stations[station.Id] = station;
    }

    /// <summary>The station's connectors (all EVSEs), as loaded or added in this batch.</summary>
    public List<Connector> Connectors(string stationId)
    {
        if (!_connectors.TryGetValue(stationId, out var list))
        {
            _connectors[stationId] = list = [];
        }

        return list;
    }

    public void AddConnector(Connector connector)
    {
        _newConnectors.Add(connector);
        Connectors(connector.StationId).Add(connector);
    }

    /// <summary>
    /// Marks which of a station's columns a change set. A station added in this batch gets them too: if another node
    /// registered it meanwhile, its insert is skipped and what the station said still lands on that row.
    /// </summary>
    internal void Changed(Station station, StationColumns columns) =>
        _changedStations[station] = _changedStations.GetValueOrDefault(station) | columns;

    /// <summary>Marks a connector's status columns as set (a connector added in this batch is inserted as it ends up).</summary>
    internal void Changed(Connector connector)
    {
        if (!_newConnectors.Contains(connector))
        {
            _changedConnectors.Add(connector);
        }
    }

    /// <summary>Stores every change of the batch in one transaction.</summary>
    internal async Task SaveAsync(CancellationToken ct)
    {
        if (!_direct)
        {
            _db.Stations.AddRange(_newStations);
            _db.Connectors.AddRange(_newConnectors);

            // One SaveChanges is one transaction, its statements sent in batches.
            await _db.SaveChangesAsync(ct);
            return;
        }

        var newStations = SqliteDirectWrite.Statement<Station>(_db, "insert-if-absent", static db => SqliteRowStatement<Station>.Insert(db, skipExisting: true));
        var newConnectors = SqliteDirectWrite.Statement<Connector>(_db, "insert", static db => SqliteRowStatement<Connector>.Insert(db));
        var connectorStatus = SqliteDirectWrite.Statement<Connector>(_db, "status", static db => SqliteRowStatement<Connector>.Update(db, ConnectorStatusStored.Columns));

        var changedStations = _changedStations.GroupBy(c => c.Value, c => c.Key)
            .Select(g => (Statement: SqliteDirectWrite.Statement<Station>(_db, $"update-{g.Key}", db => SqliteRowStatement<Station>.Update(db, g.Key.PropertyNames())), Rows: g.ToList()))
            .ToList();
        await SqliteDirectWrite.InTransactionAsync(_db, connection =>
        {
            newStations.Run(connection, _newStations);
            newConnectors.Run(connection, _newConnectors);
            foreach (var (statement, rows) in changedStations)
            {
                statement.Run(connection, rows);
            }

            connectorStatus.Run(connection, _changedConnectors);
        }, ct);
    }
}

/// <summary>The station columns each kind of change sets.</summary>
[Flags]
internal enum StationColumns
{
    Connection = 1,
    Boot = 2,
}

internal static class StationColumnsExtensions
{
    public static string[] PropertyNames(this StationColumns columns) =>
    [
        .. (columns.HasFlag(StationColumns.Connection) ? StationConnectionStored.Columns : [])
            .Union(columns.HasFlag(StationColumns.Boot) ? StationBootStored.Columns : [], StringComparer.Ordinal),
    ];
}

/// <summary>One change queued with <see cref="StationStateWriter"/>.</summary>
public abstract record StationStateChange(string StationId)
{
    internal TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal abstract void Apply(StationStateBatch batch);
}

/// <summary>An unknown station registering itself (Ocpp:AllowUnknownStations); nothing if it exists meanwhile.</summary>
public sealed record StationCreated(Station Station) : StationStateChange(Station.Id)
{
    internal override void Apply(StationStateBatch batch)
    {
        if (batch.Station(StationId) is null)
        {
            batch.AddStation(Station);
        }
    }
}

public sealed record StationConnectionStored(string StationId, bool Online, ChargePortal.Ocpp.OcppVersion? Version, DateTimeOffset At) : StationStateChange(StationId)
{
    internal static readonly string[] Columns = [nameof(Station.IsOnline), nameof(Station.LastSeenAt), nameof(Station.OcppVersion)];

    internal override void Apply(StationStateBatch batch)
    {
        if (batch.Station(StationId) is not { } station)
        {
            return;
        }

        station.IsOnline = Online;
        station.LastSeenAt = At;
        if (Version is { } version)
        {
            station.OcppVersion = version;
        }

        batch.Changed(station, StationColumns.Connection);
    }
}

public sealed record StationBootStored(string StationId, string? Vendor, string? Model, string? SerialNumber, string? FirmwareVersion, DateTimeOffset At, int IntervalSeconds)
    : StationStateChange(StationId)
{
    internal static readonly string[] Columns =
    [
        nameof(Station.Vendor), nameof(Station.Model), nameof(Station.SerialNumber), nameof(Station.FirmwareVersion),
        nameof(Station.LastBootAt), nameof(Station.LastSeenAt), nameof(Station.HeartbeatIntervalSeconds),
    ];

    internal override void Apply(StationStateBatch batch)
    {
        if (batch.Station(StationId) is not { } station)
        {
            return;
        }

        station.Vendor = Vendor;
        station.Model = Model;
        station.SerialNumber = SerialNumber;
        station.FirmwareVersion = FirmwareVersion;
        station.LastBootAt = At;
        station.LastSeenAt = At;
        station.HeartbeatIntervalSeconds = IntervalSeconds;
        batch.Changed(station, StationColumns.Boot);
    }
}

/// <summary>A connector's status, inserted or updated; an older status (queued while offline) never overwrites a newer one.</summary>
public sealed record ConnectorStatusStored(string StationId, int EvseId, int ConnectorId, ConnectorStatus Status, string? Fault, DateTimeOffset At)
    : StationStateChange(StationId)
{
    internal static readonly string[] Columns = [nameof(Connector.Status), nameof(Connector.ErrorCode), nameof(Connector.StatusChangedAt)];

    internal override void Apply(StationStateBatch batch)
    {
        if (batch.Station(StationId) is null)
        {
            return;
        }

        var onEvse = batch.Connectors(StationId).Where(c => c.EvseId == EvseId).ToList();

        // 1.6 numbers connectors N, 2.0.1 names them (EVSE N, connector 1): an EVSE's only connector is the same plug either way.
        var connector = onEvse.Find(c => c.ConnectorId == ConnectorId) ?? (onEvse.Count == 1 ? onEvse[0] : null);
        if (connector is null)
        {
            // Stations may report connectors nobody registered: keep them rather than drop the status.
            connector = new Connector { StationId = StationId, EvseId = EvseId, ConnectorId = ConnectorId };
            batch.AddConnector(connector);
        }

        if (connector.StatusChangedAt is null || At >= connector.StatusChangedAt)
        {
            connector.Status = Status;
            connector.ErrorCode = Fault;
            connector.StatusChangedAt = At;
            batch.Changed(connector);
        }
    }
}
