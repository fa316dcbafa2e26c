using System.Collections.Concurrent;
using System.Globalization;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Simulator.Protocol;
using ChargePortal.Simulator.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePortal.Simulator;

/// <summary>
/// One simulated charging station speaking OCPP 1.6J or 2.0.1: connects (and reconnects) to a CSMS, boots, sends heartbeats and
/// status, runs charging sessions with realistic meter values, obeys the CSMS's commands and queues transaction messages
/// while offline. Every observable change raises <see cref="Changed"/>.
/// </summary>
public sealed partial class SimulatedChargePoint : IAsyncDisposable
{
    internal const double Volts = 230;
    internal const int Phases = 3;

    private readonly IChargePointTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Random _random;
    private readonly ProtocolAdapter _adapter;
    private readonly SimConnector[] _connectors;
    private readonly Lock _lock = new();
    private readonly LinkedList<QueuedMessage> _outbox = new();
    private readonly SemaphoreSlim _outboxSignal = new(0);
    private readonly ScheduleSignal _heartbeatSignal = new();
    private readonly ScheduleSignal _meterSignal = new();
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task>> _afterReply = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly List<SimChargingProfile> _profiles = [];
    private readonly Dictionary<string, bool> _localList = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _everReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CancellationTokenSource? _runCts;
    private Task? _runTask;
    private Task? _outboxTask;
    private Link? _link;
    private bool _bootAccepted;
    private BootReason _bootReason = BootReason.PowerUp;
    private int _rebootRequested;
    private bool _resetWhenIdle;
    private DateTimeOffset _nextHeartbeatAt;
    private ChargePointConnectionState _connectionState = ChargePointConnectionState.Stopped;
    private string? _registrationStatus;
    private ReceivedCommand? _lastCommand;
    private int _localListVersion;
    private int _transactionCounter;
    private string _firmwareStatus = "Idle";
    private string _diagnosticsStatus = "Idle";

    public SimulatedChargePoint(
        SimulatedChargePointOptions options,
        IChargePointTransport? transport = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Id);
        if (options.Connectors.Count == 0)
        {
            throw new ArgumentException("A station needs at least one connector.", nameof(options));
        }

        if (options.SpeedFactor <= 0)
        {
            throw new ArgumentException("SpeedFactor must be positive.", nameof(options));
        }

        Options = options;
        _transport = transport ?? new WebSocketChargePointTransport();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
#pragma warning disable CA5394 // Simulation randomness, not security.
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
#pragma warning restore CA5394
        _connectors = [.. options.Connectors.Select((c, i) => new SimConnector(i + 1, c, (i + 1) * 100_000d))];
        FirmwareVersion = options.FirmwareVersion;
        Configuration = ConfigurationStore.CreateDefault(options);
        Configuration.Changed += OnConfigurationChanged;
        _adapter = options.Version == OcppVersion.V16 ? new V16Adapter(this) : new V201Adapter(this);
    }

    /// <summary>Every observable change: connection, registration, connector status, sessions, configuration, commands.</summary>
    public event EventHandler<ChargePointChange>? Changed;

    /// <summary>Every OCPP frame sent or received, for logs and demos.</summary>
    public event EventHandler<OcppFrameLogEntry>? FrameLogged;

    public SimulatedChargePointOptions Options { get; }

    public string Id => Options.Id;

    public OcppVersion Version => Options.Version;

    public ConfigurationStore Configuration { get; }

    public ChargePointConnectionState ConnectionState
    {
        get
        {
            lock (_lock)
            {
                return _connectionState;
            }
        }
    }

    /// <summary>The status of the last BootNotification answer (Accepted, Pending, Rejected), null before the first.</summary>
    public string? RegistrationStatus
    {
        get
        {
            lock (_lock)
            {
                return _registrationStatus;
            }
        }
    }

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(Configuration.GetInt("HeartbeatInterval", (int)Options.HeartbeatInterval.TotalSeconds));

    public TimeSpan MeterValueInterval => TimeSpan.FromSeconds(Configuration.GetInt("MeterValueSampleInterval", (int)Options.MeterValueInterval.TotalSeconds));

    public string FirmwareVersion { get; private set; }

    public string FirmwareStatus
    {
        get
        {
            lock (_lock)
            {
                return _firmwareStatus;
            }
        }
    }

    public string DiagnosticsStatus
    {
        get
        {
            lock (_lock)
            {
                return _diagnosticsStatus;
            }
        }
    }

    public int LocalListVersion
    {
        get
        {
            lock (_lock)
            {
                return _localListVersion;
            }
        }
    }

    public IReadOnlyDictionary<string, bool> LocalList
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, bool>(_localList, StringComparer.Ordinal);
            }
        }
    }

    public ReceivedCommand? LastCommand
    {
        get
        {
            lock (_lock)
            {
                return _lastCommand;
            }
        }
    }

    /// <summary>Station→CSMS messages waiting to be delivered (transaction messages are kept while offline).</summary>
    public int QueuedMessageCount
    {
        get
        {
            lock (_lock)
            {
                return _outbox.Count;
            }
        }
    }

    public IReadOnlyList<ConnectorSnapshot> Connectors
    {
        get
        {
            lock (_lock)
            {
                return [.. _connectors.Select(Snapshot)];
            }
        }
    }

    public ConnectorSnapshot GetConnector(int connectorId)
    {
        lock (_lock)
        {
            return Snapshot(ConnectorOrThrow(connectorId));
        }
    }

    /// <summary>Starts connecting in the background; returns at once. See <see cref="WaitUntilReadyAsync"/>.</summary>
    public Task StartAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (_runCts is not null)
        {
            throw new InvalidOperationException($"{Id} is already started.");
        }

        _runCts = new CancellationTokenSource();
        _outboxTask = Task.Run(() => OutboxLoopAsync(_runCts.Token), CancellationToken.None);
        _runTask = Task.Run(() => RunAsync(_runCts.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Completes once the station has connected and its BootNotification was accepted (the first time).</summary>
    public Task WaitUntilReadyAsync(CancellationToken ct) => _everReady.Task.WaitAsync(ct);

    /// <summary>Closes the connection and stops every loop. Running sessions are left as they are (the station "powers off").</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        var cts = _runCts;
        if (cts is null)
        {
            return;
        }

        await cts.CancelAsync();
        foreach (var connector in _connectors)
        {
            if (connector.Transaction is { } tx)
            {
                await tx.Cts.CancelAsync();
            }
        }

        var tasks = new List<Task>(_background.Keys);
        tasks.AddRange(_connectors.Select(c => c.Transaction?.MeterLoop).OfType<Task>());
        if (_runTask is not null)
        {
            tasks.Add(_runTask);
        }

        if (_outboxTask is not null)
        {
            tasks.Add(_outboxTask);
        }

        try
        {
            await Task.WhenAll(tasks).WaitAsync(ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Loops end by cancellation.
        }

        SetConnectionState(ChargePointConnectionState.Stopped);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _runCts?.Dispose();
        _outboxSignal.Dispose();
        _heartbeatSignal.Dispose();
        _meterSignal.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
    // ---------------------------------------------------------------- station operations used by the adapters

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    internal HttpClient Http => _http;

    internal int ConnectorCount => _connectors.Length;

    internal bool IsKnownConnector(int connectorId) => connectorId >= 1 && connectorId <= _connectors.Length;

    internal SimConnector Connector(int connectorId) => ConnectorOrThrow(connectorId);

    internal IReadOnlyList<SimConnector> AllConnectors => _connectors;

    internal Lock StateLock => _lock;

    internal TimeSpan Scaled(TimeSpan simulated) => simulated / Options.SpeedFactor;
    // ---------------------------------------------------------------- helpers

    private SimConnector ConnectorOrThrow(int connectorId)
        => IsKnownConnector(connectorId)
            ? _connectors[connectorId - 1]
            : throw new ArgumentOutOfRangeException(nameof(connectorId), connectorId, $"{Id} has connectors 1..{_connectors.Length}.");

    private ConnectorSnapshot Snapshot(SimConnector c)
    {
        var limit = PowerLimitLocked(c.Id);
        TransactionSnapshot? tx = c.Transaction is { } t
            ? new TransactionSnapshot(
                Version == OcppVersion.V16 ? t.CsmsId?.ToString(CultureInfo.InvariantCulture) : t.LocalId,
                c.Id,
                t.IdTag,
                t.StartedAt,
                (int)t.MeterStartWh,
                (int)Math.Round(c.MeterWh - t.MeterStartWh),
                (int)Math.Round(c.MeterWh),
                (int)Math.Round(t.PowerW),
                Math.Round(t.StateOfCharge, 1),
                t.RemoteStartId,
                t.ReservationId)
            : null;
        return new ConnectorSnapshot(c.Id, c.Options.Type, c.Options.MaxPowerW, c.Status, c.Operative, tx, c.Reservation, limit is null ? null : (int)limit.Value);
    }

    private void SetConnectionState(ChargePointConnectionState state)
    {
        lock (_lock)
        {
            if (_connectionState == state)
            {
                return;
            }

            _connectionState = state;
        }

        Raise(ChargePointChangeKind.Connection, null, state.ToString());
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, _time, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private sealed class Link(IChargePointConnection connection, OcppRpcPeer peer, CancellationTokenSource cts)
    {
        public IChargePointConnection Connection { get; } = connection;

        public OcppRpcPeer Peer { get; } = peer;

        public CancellationTokenSource Cts { get; } = cts;

        public CancellationToken Token { get; } = cts.Token;

        public bool Ready { get; set; }
    }

    private sealed class ConnectionSender(SimulatedChargePoint station, IChargePointConnection connection) : IOcppFrameSender
    {
        private Func<CancellationToken, Task>? _afterSend;

        public void RunAfterNextSend(Func<CancellationToken, Task> work) => Volatile.Write(ref _afterSend, work);

        public async ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct)
        {
            await connection.SendAsync(utf8Frame, ct);
            if (Interlocked.Exchange(ref _afterSend, null) is { } work)
            {
                station.RunInBackground(work);
            }
        }
    }
}
