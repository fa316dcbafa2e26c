using System.Collections.Concurrent;
using System.Globalization;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;
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

    /// <summary>
    /// A local RFID swipe on <paramref name="connectorId"/>: Authorize (online) or the local list (offline); if accepted, a session starts.
    /// Returns whether a session was started.
    /// </summary>
    public async Task<bool> PresentCardAsync(int connectorId, string idTag, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(idTag);
        lock (_lock)
        {
            if (!CanStartLocked(ConnectorOrThrow(connectorId), idTag))
            {
                return false;
            }
        }

        if (!await AuthorizeAsync(idTag, ct))
        {
            _logger.LogInformation("{Id}: card {IdTag} was not authorised on connector {Connector}.", Id, idTag, connectorId);
            return false;
        }

        return StartSession(connectorId, idTag, SessionTrigger.Card, remoteStartId: null, localId: null);
    }

    /// <summary>Ends the session on <paramref name="connectorId"/> (StopTransaction / TransactionEvent Ended); false if none is running.</summary>
    public async Task<bool> StopSessionAsync(int connectorId, StopReason reason = StopReason.Local, CancellationToken ct = default)
    {
        SimConnector connector;
        SimTransaction? tx;
        lock (_lock)
        {
            connector = ConnectorOrThrow(connectorId);
            tx = connector.Transaction;
            if (tx is null || tx.Stopping)
            {
                return false;
            }

            tx.Stopping = true;
        }

        await tx.Cts.CancelAsync();
        if (tx.MeterLoop is { } loop)
        {
            try
            {
                await loop.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The meter loop ends by cancellation.
            }
        }

        var now = _time.GetUtcNow();
        bool idle;
        lock (_lock)
        {
            Settle(tx, now);
            tx.PowerW = 0;
            connector.Transaction = null;
            idle = _connectors.All(c => c.Transaction is null);
        }

        Enqueue(_adapter.StopTransaction(tx, reason, now, MeterWh(connector)));
        SetStatus(connector, ConnectorStatus.Finishing);
        Raise(ChargePointChangeKind.TransactionStopped, connectorId, $"Session {tx.LocalId} stopped ({reason}) at {MeterWh(connector)} Wh.");
        bool operative;
        lock (_lock)
        {
            if (connector.ScheduledOperative is { } scheduled)
            {
                connector.Operative = scheduled;
                connector.ScheduledOperative = null;
            }

            operative = connector.Operative;
        }

        SetStatus(connector, operative ? ConnectorStatus.Available : ConnectorStatus.Unavailable);
        tx.Cts.Dispose();
        if (idle && _resetWhenIdle)
        {
            _resetWhenIdle = false;
            RunInBackground(c => RebootAsync(StopReason.SoftReset, c));
        }

        return true;
    }

    // ---------------------------------------------------------------- connection

    private async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        var request = new ChargePointConnectRequest(Options.CsmsUrl, Id, Version, Options.Password);
        while (!ct.IsCancellationRequested)
        {
            SetConnectionState(ChargePointConnectionState.Connecting);
            IChargePointConnection connection;
            try
            {
                connection = await _transport.ConnectAsync(request, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var delay = Backoff(failures++);
                _logger.LogWarning("{Id}: connecting to {Url} failed ({Message}); retrying in {Delay}.", Id, request.EndpointUrl, ex.Message, delay);
                await DelayQuietlyAsync(delay, ct);
                continue;
            }

            failures = 0;
            await RunConnectionAsync(connection, ct);
            if (ct.IsCancellationRequested)
            {
                break;
            }

            var rebooting = Interlocked.Exchange(ref _rebootRequested, 0) == 1;
            SetConnectionState(ChargePointConnectionState.Connecting);
            await DelayQuietlyAsync(rebooting ? Options.RebootDelay : Options.ReconnectMinDelay, ct);
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var delay = Options.ReconnectMinDelay * Math.Pow(2, Math.Min(failures, 16));
        return delay > Options.ReconnectMaxDelay ? Options.ReconnectMaxDelay : delay;
    }

    private async Task RunConnectionAsync(IChargePointConnection connection, CancellationToken ct)
    {
        using var linkCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var rpcOptions = new OcppRpcOptions { CallTimeout = Options.CallTimeout };
        var sender = new ConnectionSender(this, connection);
        var peer = new OcppRpcPeer(Version, sender, OcppCallHandler.From(HandleCallAsync), rpcOptions, _time, _logger);
        void OnFrameLogged(object? source, OcppFrameLogEntry entry) => OnPeerFrameLogged(sender, entry);
        peer.FrameLogged += OnFrameLogged;
        var link = new Link(connection, peer, linkCts);
        lock (_lock)
        {
            _link = link;
        }

        SetConnectionState(ChargePointConnectionState.Connected);
        _logger.LogInformation("{Id}: connected ({Subprotocol}).", Id, connection.Subprotocol);
        var receive = Task.Run(() => ReceiveLoopAsync(link), CancellationToken.None);
        try
        {
            if (!_bootAccepted || Options.BootOnReconnect)
            {
                await BootUntilAcceptedAsync(link);
            }

            lock (_lock)
            {
                link.Ready = true;
            }

            SetConnectionState(ChargePointConnectionState.Ready);
            _everReady.TrySetResult();
            EnqueueAllStatuses();
            _outboxSignal.Release();
            await HeartbeatLoopAsync(link);
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException && link.Token.IsCancellationRequested)
        {
            // The connection closed.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning("{Id}: connection failed: {Message}", Id, ex.Message);
        }
        finally
        {
            lock (_lock)
            {
                link.Ready = false;
                if (ReferenceEquals(_link, link))
                {
                    _link = null;
                }

                // Messages that only make sense online are dropped; transaction messages wait for the next connection.
                for (var node = _outbox.First; node is not null;)
                {
                    var next = node.Next;
                    if (!node.Value.Persistent)
                    {
                        _outbox.Remove(node);
                        node.Value.Delivered.TrySetResult();
                    }

                    node = next;
                }
            }

            await linkCts.CancelAsync();
            try
            {
                await connection.CloseAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogDebug("{Id}: closing the connection failed: {Message}", Id, ex.Message);
            }

            await receive;
            peer.FrameLogged -= OnFrameLogged;
            await peer.DisposeAsync();
            await connection.DisposeAsync();
            _logger.LogInformation("{Id}: disconnected.", Id);
            SetConnectionState(ChargePointConnectionState.Connecting);
        }
    }

    private async Task ReceiveLoopAsync(Link link)
    {
        try
        {
            while (await link.Connection.ReceiveAsync(link.Token) is { } frame)
            {
                await link.Peer.ReceiveAsync(frame, link.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or OcppConnectionClosedException)
        {
            // Closed from our side.
        }
        catch (Exception ex)
        {
            _logger.LogWarning("{Id}: receiving failed: {Message}", Id, ex.Message);
        }
        finally
        {
            await link.Cts.CancelAsync();
        }
    }

    private async Task BootUntilAcceptedAsync(Link link)
    {
        while (true)
        {
            var result = await _adapter.BootAsync(link.Peer, _bootReason, link.Token);
            lock (_lock)
            {
                _registrationStatus = result.Status;
            }

            Raise(ChargePointChangeKind.Registration, null, $"BootNotification: {result.Status} (interval {result.IntervalSeconds} s).");
            if (result.Status == "Accepted")
            {
                _bootAccepted = true;
                _bootReason = BootReason.PowerUp;
                if (result.IntervalSeconds > 0)
                {
                    Configuration.TrySet("HeartbeatInterval", result.IntervalSeconds.ToString(CultureInfo.InvariantCulture));
                }

                return;
            }

            var retry = TimeSpan.FromSeconds(result.IntervalSeconds > 0 ? result.IntervalSeconds : 30);
            await Task.Delay(Scaled(retry), _time, link.Token);
        }
    }

    private async Task HeartbeatLoopAsync(Link link)
    {
        RescheduleHeartbeat();
        while (true)
        {
            link.Token.ThrowIfCancellationRequested();
            var signal = _heartbeatSignal.Token;
            DateTimeOffset due;
            lock (_lock)
            {
                due = _nextHeartbeatAt;
            }

            var wait = due == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : due - _time.GetUtcNow();
            if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(link.Token, signal);
                try
                {
                    await Task.Delay(wait, _time, linked.Token);
                }
                catch (OperationCanceledException) when (!link.Token.IsCancellationRequested)
                {
                    // The interval changed; recompute.
                }

                continue;
            }

            await _adapter.HeartbeatAsync(link.Peer, link.Token);
            RescheduleHeartbeat();
        }
    }

    private void RescheduleHeartbeat()
    {
        var interval = HeartbeatInterval;
        lock (_lock)
        {
            _nextHeartbeatAt = interval <= TimeSpan.Zero ? DateTimeOffset.MaxValue : _time.GetUtcNow() + Scaled(interval);
        }

        _heartbeatSignal.Fire();
    }

    private void OnConfigurationChanged(object? sender, ConfigurationEntry entry)
    {
        Raise(ChargePointChangeKind.Configuration, null, $"{entry.Key} = {entry.Value}");
        if (entry.Key == "HeartbeatInterval")
        {
            RescheduleHeartbeat();
        }
        else if (entry.Key == "MeterValueSampleInterval")
        {
            _meterSignal.Fire();
        }
    }

    // ---------------------------------------------------------------- outbox

    internal void Enqueue(QueuedMessage? message)
    {
        if (message is null)
        {
            return;
        }

        lock (_lock)
        {
            if (!message.Persistent && _link is not { Ready: true })
            {
                message.Delivered.TrySetResult();
                return;
            }

            _outbox.AddLast(message);
        }

        _outboxSignal.Release();
    }

    private async Task OutboxLoopAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await _outboxSignal.WaitAsync(ct);
                await DrainOutboxAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task DrainOutboxAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Link? link;
            QueuedMessage? message;
            lock (_lock)
            {
                link = _link is { Ready: true } ready ? ready : null;
                message = _outbox.First?.Value;
            }

            if (link is null || message is null)
            {
                return;
            }

            try
            {
                await message.Send(link.Peer, link.Token);
            }
            catch (OcppCallErrorException ex)
            {
                // The CSMS refused it; resending the same message would be refused again.
                _logger.LogWarning("{Id}: {Action} was answered with {Error}; dropped.", Id, message.Action, ex.WireErrorCode);
            }
            catch (OcppValidationException ex)
            {
                _logger.LogError(ex, "{Id}: {Action} failed validation; dropped.", Id, message.Action);
            }
            catch (OcppCallTimeoutException)
            {
                _logger.LogWarning("{Id}: {Action} got no answer; retrying.", Id, message.Action);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Connection lost: the message stays first in line for the next connection.
                _logger.LogDebug("{Id}: {Action} not delivered ({Message}); kept for the next connection.", Id, message.Action, ex.Message);
                return;
            }

            lock (_lock)
            {
                if (_outbox.First?.Value == message)
                {
                    _outbox.RemoveFirst();
                }
            }

            message.Delivered.TrySetResult();
        }
    }

    private void EnqueueAllStatuses()
    {
        foreach (var message in _adapter.AllStatuses(_time.GetUtcNow()))
        {
            Enqueue(message);
        }
    }

    // ---------------------------------------------------------------- incoming calls

    private async ValueTask<OcppCallOutcome> HandleCallAsync(OcppIncomingCall call, CancellationToken ct)
    {
        lock (_lock)
        {
            _lastCommand = new ReceivedCommand(call.Action, call.Payload.Clone(), _time.GetUtcNow());
        }

        Raise(ChargePointChangeKind.CommandReceived, null, call.Action);
        _logger.LogInformation("{Id}: received {Action}.", Id, call.Action);
        return await _adapter.HandleAsync(call, ct);
    }

    /// <summary>Runs <paramref name="work"/> once the answer to <paramref name="call"/> has been written, so follow-up messages come after it.</summary>
    internal void AfterReply(OcppIncomingCall call, Func<CancellationToken, Task> work) => _afterReply[call.MessageId] = work;

    private void OnPeerFrameLogged(ConnectionSender sender, OcppFrameLogEntry entry)
    {
        if (entry.Direction == OcppFrameDirection.Outgoing
            && entry.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError
            && entry.MessageId is { } id
            && _afterReply.TryRemove(id, out var work))
        {
            // The peer logs a frame under its send lock right before handing exactly that frame to the sender,
            // so the sender runs the work once the answer is on the wire.
            sender.RunAfterNextSend(work);
        }

        FrameLogged?.Invoke(this, entry);
    }

    internal void RunInBackground(Func<CancellationToken, Task> work)
    {
        var ct = _runCts?.Token ?? CancellationToken.None;
        var task = Task.Run(
            async () =>
            {
                try
                {
                    await work(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Stopping.
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "{Id}: background work failed.", Id);
                }
            },
            CancellationToken.None);
        _background[task] = 0;
        _ = task.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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

    internal int MeterWh(SimConnector connector)
    {
        lock (_lock)
        {
            return (int)Math.Round(connector.MeterWh);
        }
    }

    internal async Task<bool> AuthorizeAsync(string idTag, CancellationToken ct)
    {
        Link? link;
        lock (_lock)
        {
            link = _link is { Ready: true } ready ? ready : null;
        }

        if (link is not null)
        {
            try
            {
                return await _adapter.AuthorizeAsync(link.Peer, idTag, ct);
            }
            catch (Exception ex) when (ex is OcppConnectionClosedException or OcppCallTimeoutException)
            {
                _logger.LogInformation("{Id}: Authorize not answered; falling back to the local list.", Id);
            }
        }

        lock (_lock)
        {
            return _localList.TryGetValue(idTag, out var accepted) && accepted;
        }
    }

    /// <summary>Whether <paramref name="idTag"/> may start a session on the connector now (free, operative, not reserved for someone else).</summary>
    internal bool CanStart(int connectorId, string idTag)
    {
        lock (_lock)
        {
            return IsKnownConnector(connectorId) && CanStartLocked(_connectors[connectorId - 1], idTag);
        }
    }

    /// <summary>The first connector where <paramref name="idTag"/> could start (its reservation first), or null.</summary>
    internal int? FindConnectorFor(string idTag)
    {
        lock (_lock)
        {
            var reserved = _connectors.FirstOrDefault(c => c.Reservation?.IdTag == idTag && CanStartLocked(c, idTag));
            return (reserved ?? _connectors.FirstOrDefault(c => CanStartLocked(c, idTag)))?.Id;
        }
    }

    private static bool CanStartLocked(SimConnector connector, string idTag)
        => connector.Transaction is null
            && connector.Operative
            && connector.Status is ConnectorStatus.Available or ConnectorStatus.Preparing or ConnectorStatus.Reserved
            && (connector.Reservation is null || connector.Reservation.IdTag == idTag);

    internal string NewTransactionId() => $"{Id}-{_time.GetUtcNow():yyyyMMddHHmmss}-{Interlocked.Increment(ref _transactionCounter)}";

    /// <summary>Starts a session: Preparing, the start message, Charging, then periodic meter values.</summary>
    internal bool StartSession(int connectorId, string idTag, SessionTrigger trigger, int? remoteStartId, string? localId)
    {
        var now = _time.GetUtcNow();
        SimConnector connector;
        SimTransaction tx;
        lock (_lock)
        {
            connector = ConnectorOrThrow(connectorId);
            if (!CanStartLocked(connector, idTag))
            {
                return false;
            }

            var reservation = connector.Reservation;
            connector.Reservation = null;
            tx = new SimTransaction
            {
                ConnectorId = connectorId,
                LocalId = localId ?? NewTransactionId(),
                IdTag = idTag,
                Trigger = trigger,
                StartedAt = now,
                MeterStartWh = Math.Round(connector.MeterWh),
                RemoteStartId = remoteStartId,
                ReservationId = reservation?.ReservationId,
#pragma warning disable CA5394 // Simulation randomness, not security.
                StateOfCharge = 20 + (_random.NextDouble() * 20),
#pragma warning restore CA5394
                SettledAt = now,
                LastReportAt = now,
            };
            connector.MeterWh = tx.MeterStartWh;
            connector.Transaction = tx;
            tx.PowerW = ComputePowerLocked(connector, tx);
        }

        SetStatus(connector, ConnectorStatus.Preparing);
        Enqueue(_adapter.StartTransaction(tx, now));
        SetStatus(connector, ConnectorStatus.Charging);
        Raise(ChargePointChangeKind.TransactionStarted, connectorId, $"Session {tx.LocalId} started for {idTag} ({trigger}).");
        var ct = tx.Cts.Token;
        tx.MeterLoop = Task.Run(() => MeterLoopAsync(connector, tx, ct), CancellationToken.None);
        return true;
    }

    internal SimTransaction? FindTransaction(string transactionId)
    {
        lock (_lock)
        {
            return _connectors.Select(c => c.Transaction).FirstOrDefault(t => t is not null
                && (t.LocalId == transactionId || t.CsmsId?.ToString(CultureInfo.InvariantCulture) == transactionId));
        }
    }

    internal void SetStatus(SimConnector connector, ConnectorStatus status)
    {
        ConnectorStatus old;
        lock (_lock)
        {
            old = connector.Status;
            if (old == status)
            {
                return;
            }

            connector.Status = status;
        }

        Enqueue(_adapter.StatusChanged(connector.Id, old, status, _time.GetUtcNow()));
        Raise(ChargePointChangeKind.ConnectorStatus, connector.Id, $"{old} → {status}");
    }

    internal void Raise(ChargePointChangeKind kind, int? connectorId, string description)
    {
        try
        {
            Changed?.Invoke(this, new ChargePointChange(Id, kind, connectorId, description));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "{Id}: a Changed subscriber failed.", Id);
        }
    }

    /// <summary>Closes the connection and comes back after <see cref="SimulatedChargePointOptions.RebootDelay"/> with a new BootNotification.</summary>
    internal async Task RebootAsync(StopReason reason, CancellationToken ct)
    {
        var stops = _connectors.Where(c => c.Transaction is not null).Select(c => StopSessionAsync(c.Id, reason, ct)).ToList();
        await Task.WhenAll(stops);
        await FlushOutboxAsync(ct);
        Link? link;
        lock (_lock)
        {
            _bootAccepted = false;
            _bootReason = BootReason.RemoteReset;
            _registrationStatus = null;
            link = _link;
        }

        Interlocked.Exchange(ref _rebootRequested, 1);
        _logger.LogInformation("{Id}: rebooting.", Id);
        if (link is not null)
        {
            await link.Cts.CancelAsync();
        }
    }

    /// <summary>Waits (bounded by the call timeout) until what is queued now has been delivered.</summary>
    internal async Task FlushOutboxAsync(CancellationToken ct)
    {
        QueuedMessage? last;
        lock (_lock)
        {
            last = _link is { Ready: true } ? _outbox.Last?.Value : null;
        }

        if (last is not null)
        {
            try
            {
                await last.Delivered.Task.WaitAsync(Options.CallTimeout, _time, ct);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("{Id}: the outbox did not drain before the reboot.", Id);
            }
        }
    }

    internal void ScheduleResetWhenIdle() => _resetWhenIdle = true;

    internal bool HasActiveTransactions
    {
        get
        {
            lock (_lock)
            {
                return _connectors.Any(c => c.Transaction is not null);
            }
        }
    }

    /// <summary>ChangeAvailability: connector 0 (or null) means the whole station. Returns "Accepted", "Scheduled" or "Rejected".</summary>
    internal string ChangeAvailability(int? connectorId, bool operative)
    {
        if (connectorId is { } id && id != 0 && !IsKnownConnector(id))
        {
            return "Rejected";
        }

        var targets = connectorId is null or 0 ? _connectors : [_connectors[connectorId.Value - 1]];
        var scheduled = false;
        foreach (var connector in targets)
        {
            ConnectorStatus? newStatus = null;
            lock (_lock)
            {
                if (connector.Transaction is not null)
                {
                    if (connector.Operative != operative)
                    {
                        connector.ScheduledOperative = operative;
                        scheduled = true;
                    }

                    continue;
                }

                connector.Operative = operative;
                connector.ScheduledOperative = null;
                if (!operative)
                {
                    newStatus = ConnectorStatus.Unavailable;
                }
                else if (connector.Status == ConnectorStatus.Unavailable)
                {
                    newStatus = connector.Reservation is null ? ConnectorStatus.Available : ConnectorStatus.Reserved;
                }
            }

            if (newStatus is { } status)
            {
                SetStatus(connector, status);
            }
        }

        return scheduled ? "Scheduled" : "Accepted";
    }

    /// <summary>ReserveNow. connectorId 0/null picks the first free connector. Returns Accepted, Occupied, Unavailable, Faulted or Rejected.</summary>
    internal string Reserve(int? connectorId, int reservationId, string idTag, DateTimeOffset expiresAt)
    {
        SimConnector? connector;
        lock (_lock)
        {
            if (connectorId is { } id && id != 0)
            {
                if (!IsKnownConnector(id))
                {
                    return "Rejected";
                }

                connector = _connectors[id - 1];
            }
            else
            {
                connector = _connectors.FirstOrDefault(c => c.Operative && c.Transaction is null && c.Status == ConnectorStatus.Available)
                    ?? _connectors.FirstOrDefault(c => c.Reservation?.ReservationId == reservationId);
                if (connector is null)
                {
                    return "Occupied";
                }
            }

            if (connector.Status == ConnectorStatus.Faulted)
            {
                return "Faulted";
            }

            if (!connector.Operative)
            {
                return "Unavailable";
            }

            if (connector.Transaction is not null
                || connector.Status is not (ConnectorStatus.Available or ConnectorStatus.Reserved)
                || (connector.Reservation is not null && connector.Reservation.ReservationId != reservationId))
            {
                return "Occupied";
            }

            foreach (var other in _connectors.Where(c => c != connector && c.Reservation?.ReservationId == reservationId))
            {
                other.Reservation = null;
            }

            connector.Reservation = new ReservationSnapshot(reservationId, idTag, expiresAt);
        }

        SetStatus(connector, ConnectorStatus.Reserved);
        Raise(ChargePointChangeKind.Reservation, connector.Id, $"Reservation {reservationId} for {idTag} until {expiresAt:O}.");
        var reserved = connector;
        RunInBackground(async ct =>
        {
            var wait = expiresAt - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, ct);
            }

            ReleaseReservation(reserved, reservationId, "expired");
        });
        return "Accepted";
    }

    internal bool CancelReservation(int reservationId)
    {
        SimConnector? connector;
        lock (_lock)
        {
            connector = _connectors.FirstOrDefault(c => c.Reservation?.ReservationId == reservationId);
        }

        return connector is not null && ReleaseReservation(connector, reservationId, "cancelled");
    }

    private bool ReleaseReservation(SimConnector connector, int reservationId, string why)
    {
        bool wasReservedStatus;
        lock (_lock)
        {
            if (connector.Reservation?.ReservationId != reservationId)
            {
                return false;
            }

            connector.Reservation = null;
            wasReservedStatus = connector.Status == ConnectorStatus.Reserved;
        }

        if (wasReservedStatus)
        {
            SetStatus(connector, ConnectorStatus.Available);
        }

        Raise(ChargePointChangeKind.Reservation, connector.Id, $"Reservation {reservationId} {why}.");
        return true;
    }

    /// <summary>Installs a charging profile (limit already converted to W). Connector 0 applies to the whole station.</summary>
    internal void SetChargingProfile(SimChargingProfile profile)
    {
        lock (_lock)
        {
            _profiles.RemoveAll(p => p.Id == profile.Id
                || (p.ConnectorId == profile.ConnectorId && p.Purpose == profile.Purpose && p.StackLevel == profile.StackLevel));
            _profiles.Add(profile);
        }

        Raise(ChargePointChangeKind.ChargingProfile, profile.ConnectorId, $"Profile {profile.Id} ({profile.Purpose}) limits to {profile.LimitW:0} W.");
        ApplyLimits();
    }

    /// <summary>Removes the profiles matching every given criterion; returns whether any was removed.</summary>
    internal bool ClearChargingProfiles(int? profileId, int? connectorId, string? purpose, int? stackLevel)
    {
        int removed;
        lock (_lock)
        {
            removed = _profiles.RemoveAll(p => (profileId is null || p.Id == profileId)
                && (connectorId is null || p.ConnectorId == connectorId)
                && (purpose is null || p.Purpose == purpose)
                && (stackLevel is null || p.StackLevel == stackLevel));
        }

        if (removed > 0)
        {
            Raise(ChargePointChangeKind.ChargingProfile, connectorId, $"{removed} charging profile(s) cleared.");
            ApplyLimits();
        }

        return removed > 0;
    }

    /// <summary>The lowest limit in W of the profiles that apply to <paramref name="connectorId"/> (0: station-wide ones), or null.</summary>
    internal double? PowerLimitW(int connectorId)
    {
        lock (_lock)
        {
            return PowerLimitLocked(connectorId);
        }
    }

    private double? PowerLimitLocked(int connectorId)
    {
        var tx = IsKnownConnector(connectorId) ? _connectors[connectorId - 1].Transaction : null;
        var limits = _profiles
            .Where(p => p.ConnectorId == 0 || p.ConnectorId == connectorId)
            .Where(p => p.Purpose != "TxProfile" || (tx is not null && (p.TransactionId is null || p.TransactionId == tx.LocalId
                || p.TransactionId == tx.CsmsId?.ToString(CultureInfo.InvariantCulture))))
            .Select(p => p.LimitW)
            .ToList();
        return limits.Count == 0 ? null : limits.Min();
    }

    private void ApplyLimits()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var connector in _connectors)
            {
                if (connector.Transaction is { Stopping: false } tx)
                {
                    Settle(tx, now);
                }
            }
        }
    }

    internal void SetFirmwareStatus(string status, string? newVersion = null)
    {
        lock (_lock)
        {
            _firmwareStatus = status;
            if (newVersion is not null)
            {
                FirmwareVersion = newVersion;
            }
        }

        Raise(ChargePointChangeKind.Firmware, null, $"Firmware {status}");
    }

    internal void SetDiagnosticsStatus(string status)
    {
        lock (_lock)
        {
            _diagnosticsStatus = status;
        }

        Raise(ChargePointChangeKind.Diagnostics, null, $"Diagnostics {status}");
    }

    /// <summary>Uploads a small diagnostics text file with HTTP PUT (POST when the server answers 405). A location ending in "/" gets the file name appended.</summary>
    internal async Task<bool> UploadDiagnosticsAsync(string location, string fileName, CancellationToken ct)
    {
        try
        {
            var target = new Uri(location.EndsWith('/') ? location + Uri.EscapeDataString(fileName) : location);
            if (target.Scheme is not ("http" or "https"))
            {
                _logger.LogWarning("{Id}: cannot upload diagnostics to {Location}: only HTTP(S) is supported.", Id, location);
                return false;
            }

            var body = string.Join('\n', [
                $"ChargePortal simulator diagnostics for {Id}",
                $"Generated: {_time.GetUtcNow():O}",
                $"Protocol: OCPP {Version.DisplayName()}",
                $"Firmware: {FirmwareVersion}",
                .. Connectors.Select(c => $"Connector {c.ConnectorId}: {c.Status}, meter {c.Transaction?.MeterWh.ToString(CultureInfo.InvariantCulture) ?? "-"} Wh"),
            ]);
            using var put = new HttpRequestMessage(HttpMethod.Put, target) { Content = new StringContent(body) };
            using var response = await _http.SendAsync(put, ct);
            if (response.StatusCode == System.Net.HttpStatusCode.MethodNotAllowed)
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body) };
                using var postResponse = await _http.SendAsync(post, ct);
                return postResponse.IsSuccessStatusCode;
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or UriFormatException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _logger.LogWarning("{Id}: diagnostics upload to {Location} failed: {Message}", Id, location, ex.Message);
            return false;
        }
    }

    /// <summary>Applies a local authorisation list update; returns false on a differential update with a stale version.</summary>
    internal bool UpdateLocalList(int version, bool full, IEnumerable<(string IdTag, bool? Accepted)> entries)
    {
        lock (_lock)
        {
            if (!full && version <= _localListVersion && _localListVersion != 0)
            {
                return false;
            }

            if (full)
            {
                _localList.Clear();
            }

            foreach (var (idTag, accepted) in entries)
            {
                if (accepted is { } ok)
                {
                    _localList[idTag] = ok;
                }
                else
                {
                    _localList.Remove(idTag);
                }
            }

            _localListVersion = version;
        }

        Raise(ChargePointChangeKind.LocalList, null, $"Local list version {version} ({(full ? "full" : "differential")}).");
        return true;
    }

    // ---------------------------------------------------------------- metering

    private async Task MeterLoopAsync(SimConnector connector, SimTransaction tx, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var signal = _meterSignal.Token;
                var interval = MeterValueInterval;
                var wait = interval <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : tx.LastReportAt + Scaled(interval) - _time.GetUtcNow();
                if (wait == Timeout.InfiniteTimeSpan || wait > TimeSpan.Zero)
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, signal);
                    try
                    {
                        await Task.Delay(wait, _time, linked.Token);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        // The interval changed; recompute.
                    }

                    continue;
                }

                SampleAndEnqueue(connector, tx, triggered: false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Session ended.
        }
    }

    /// <summary>Integrates energy up to now, then sends a meter sample (1.6 MeterValues / 2.0.1 TransactionEvent Updated).</summary>
    internal void SampleAndEnqueue(SimConnector connector, SimTransaction tx, bool triggered)
    {
        var now = _time.GetUtcNow();
        MeterSample sample;
        lock (_lock)
        {
            if (tx.Stopping)
            {
                return;
            }

            Settle(tx, now);
            if (!triggered)
            {
                tx.LastReportAt = now;
            }

            sample = new MeterSample(now, (int)Math.Round(connector.MeterWh), (int)Math.Round(tx.PowerW), Math.Round(tx.StateOfCharge, 1));
        }

        Enqueue(_adapter.MeterValues(tx, sample, triggered));
        Raise(ChargePointChangeKind.TransactionUpdated, connector.Id, $"{sample.MeterWh} Wh, {sample.PowerW} W, SoC {sample.StateOfCharge}%");
    }

    /// <summary>A sample of the connector's meter now, without changing the schedule.</summary>
    internal MeterSample CurrentSample(SimConnector connector)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (connector.Transaction is { Stopping: false } tx)
            {
                Settle(tx, now);
                return new MeterSample(now, (int)Math.Round(connector.MeterWh), (int)Math.Round(tx.PowerW), Math.Round(tx.StateOfCharge, 1));
            }

            return new MeterSample(now, (int)Math.Round(connector.MeterWh), 0, null);
        }
    }

    // Called under _lock: adds the energy of the power drawn since the last settlement, then recomputes the power.
    private void Settle(SimTransaction tx, DateTimeOffset now)
    {
        var connector = _connectors[tx.ConnectorId - 1];
        var simulatedHours = (now - tx.SettledAt).TotalHours * Options.SpeedFactor;
        if (simulatedHours > 0)
        {
            var energy = tx.PowerW * simulatedHours;
            connector.MeterWh += energy;
            tx.StateOfCharge = Math.Min(100, tx.StateOfCharge + (energy / Options.BatteryCapacityWh * 100));
            tx.SettledAt = now;
        }

        tx.PowerW = ComputePowerLocked(connector, tx);
    }

    // A simple EV curve: full power up to 80 % state of charge, then tapering to 10 % at 100 %; capped by the connector and profiles.
    private double ComputePowerLocked(SimConnector connector, SimTransaction tx)
    {
        var cap = Math.Min(connector.Options.MaxPowerW, PowerLimitLocked(connector.Id) ?? double.MaxValue);
        var taper = tx.StateOfCharge < 80 ? 1.0 : Math.Max(0.1, 1.0 - ((tx.StateOfCharge - 80) / 20 * 0.9));
        return Math.Max(0, Math.Round(cap * taper));
    }

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

/// <summary>One meter reading: the energy register (Wh), the power drawn (W) and the EV's state of charge (%).</summary>
internal sealed record MeterSample(DateTimeOffset Timestamp, int MeterWh, int PowerW, double? StateOfCharge);
