using System.Globalization;
using ChargePortal.Ocpp;
using ChargePortal.Simulator.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePortal.Simulator;

/// <summary>How a fleet of simulated stations is set up.</summary>
public sealed record SimulatorFleetOptions
{
    public required Uri CsmsUrl { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>Station ids are <c>{IdPrefix}{number}</c>, the number zero-padded to <see cref="NumberWidth"/> digits (SIM-001, SIM-002 …).</summary>
    public string IdPrefix { get; init; } = "SIM-";

    public int FirstNumber { get; init; } = 1;

    /// <summary>Explicit station ids; when set they replace the generated ones (and <see cref="Count"/> must match).</summary>
    public IReadOnlyList<string>? Ids { get; init; }

    public int NumberWidth { get; init; } = 3;

    public OcppVersion Version { get; init; } = OcppVersion.V16;

    /// <summary>The Basic-auth password every station uses; null for none.</summary>
    public string? Password { get; init; }

    /// <summary>Connections opened at the same time while the fleet starts.</summary>
    public int MaxConcurrentConnects { get; init; } = 10;

    /// <summary>How long <see cref="SimulatorFleet.StartAsync"/> waits for one station's boot before moving on (it keeps retrying in the background).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Run random RFID sessions on every station (for a live demo).</summary>
    public bool AutoSessions { get; init; }

    public IReadOnlyList<string> AutoSessionIdTags { get; init; } = ["DEMO-0001", "DEMO-0002", "DEMO-0003"];

    /// <summary>Simulated idle time between sessions on a station (random in [min, max]).</summary>
    public TimeSpan AutoSessionIdleMin { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan AutoSessionIdleMax { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Simulated length of a random session (random in [min, max]).</summary>
    public TimeSpan AutoSessionDurationMin { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan AutoSessionDurationMax { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Everything else about each station (connectors, intervals, speed…); Id, Version, CsmsUrl and Password are set per station.</summary>
    public SimulatedChargePointOptions? Template { get; init; }

    public int? RandomSeed { get; init; }
}

/// <summary>N simulated stations against one CSMS, started with bounded connection concurrency, optionally running random sessions.</summary>
public sealed class SimulatorFleet : IAsyncDisposable
{
    private readonly SimulatorFleetOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly List<Task> _autoSessions = [];
    private readonly CancellationTokenSource _cts = new();

    public SimulatorFleet(SimulatorFleetOptions options, IChargePointTransport? transport = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentConnects, 1);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger("ChargePortal.Simulator.Fleet");
#pragma warning disable CA5394 // Simulation randomness, not security.
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
#pragma warning restore CA5394
        transport ??= new WebSocketChargePointTransport();
        var template = options.Template ?? new SimulatedChargePointOptions { Id = "template", CsmsUrl = options.CsmsUrl };
        var ids = options.Ids ?? [.. Enumerable.Range(options.FirstNumber, options.Count).Select(n => StationId(options.IdPrefix, n, options.NumberWidth))];
        if (ids.Count != options.Count || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new ArgumentException("Ids must hold Count distinct station ids.", nameof(options));
        }

        Stations = [.. ids.Select((id, n) =>
        {
            var stationOptions = template with
            {
                Id = id,
                Version = options.Version,
                CsmsUrl = options.CsmsUrl,
                Password = options.Password,
                RandomSeed = options.RandomSeed is { } s ? s + n : template.RandomSeed,
            };
            var station = new SimulatedChargePoint(stationOptions, transport, _time, loggerFactory.CreateLogger($"ChargePortal.Simulator.{id}"));
            station.Changed += (_, change) => Changed?.Invoke(this, change);
            return station;
        })];
    }

    /// <summary>Every change of every station.</summary>
    public event EventHandler<ChargePointChange>? Changed;

    public IReadOnlyList<SimulatedChargePoint> Stations { get; }

    /// <summary><c>SIM-</c>, 7, 3 → <c>SIM-007</c>.</summary>
    public static string StationId(string prefix, int number, int width)
        => prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>Starts every station, at most <see cref="SimulatorFleetOptions.MaxConcurrentConnects"/> connecting at once; returns when each has booted or timed out.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        using var gate = new SemaphoreSlim(_options.MaxConcurrentConnects);
        await Task.WhenAll(Stations.Select(async station =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await station.StartAsync(ct);
                await station.WaitUntilReadyAsync(ct).WaitAsync(_options.ConnectTimeout, _time, ct);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("{Id} did not boot within {Timeout}; it keeps trying in the background.", station.Id, _options.ConnectTimeout);
            }
            finally
            {
                gate.Release();
            }
        }));

        if (_options.AutoSessions)
        {
            foreach (var station in Stations)
            {
                _autoSessions.Add(Task.Run(() => AutoSessionsAsync(station, _cts.Token), CancellationToken.None));
            }
        }
    }

    /// <summary>Ends running sessions (best effort, bounded by <paramref name="ct"/>) so the CSMS sees them stopped.</summary>
    public async Task StopAllSessionsAsync(CancellationToken ct = default)
    {
        await _cts.CancelAsync();
        await Task.WhenAll(Stations.SelectMany(s => s.Connectors.Where(c => c.Transaction is not null).Select(c => s.StopSessionAsync(c.ConnectorId, StopReason.Local, ct))));
        await Task.WhenAll(Stations.Select(s => WaitForOutboxAsync(s, ct)));
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        await _cts.CancelAsync();
        await Task.WhenAll(_autoSessions);
        await Task.WhenAll(Stations.Select(s => s.StopAsync(ct)));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        foreach (var station in Stations)
        {
            await station.DisposeAsync();
        }

        _cts.Dispose();
    }

    private async Task WaitForOutboxAsync(SimulatedChargePoint station, CancellationToken ct)
    {
        try
        {
            while (station.QueuedMessageCount > 0 && station.ConnectionState == ChargePointConnectionState.Ready)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Best effort.
        }
    }

    private async Task AutoSessionsAsync(SimulatedChargePoint station, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(station.Scaled(Between(_options.AutoSessionIdleMin, _options.AutoSessionIdleMax)), _time, ct);
                var free = station.Connectors.Where(c => c.Status == ConnectorStatus.Available && c.Operative).ToList();
                if (free.Count == 0 || station.ConnectionState != ChargePointConnectionState.Ready || _options.AutoSessionIdTags.Count == 0)
                {
                    continue;
                }

                int connectorId;
                string idTag;
                lock (_random)
                {
#pragma warning disable CA5394 // Simulation randomness, not security.
                    connectorId = free[_random.Next(free.Count)].ConnectorId;
                    idTag = _options.AutoSessionIdTags[_random.Next(_options.AutoSessionIdTags.Count)];
#pragma warning restore CA5394
                }

                if (!await station.PresentCardAsync(connectorId, idTag, ct))
                {
                    continue;
                }

                await Task.Delay(station.Scaled(Between(_options.AutoSessionDurationMin, _options.AutoSessionDurationMax)), _time, ct);
                await station.StopSessionAsync(connectorId, StopReason.Local, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Fleet stopping.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Automatic sessions on {Id} stopped.", station.Id);
        }
    }

    private TimeSpan Between(TimeSpan min, TimeSpan max)
    {
        lock (_random)
        {
#pragma warning disable CA5394 // Simulation randomness, not security.
            return max <= min ? min : min + ((max - min) * _random.NextDouble());
#pragma warning restore CA5394
        }
    }
}
