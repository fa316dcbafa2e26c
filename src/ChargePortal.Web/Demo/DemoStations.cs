using ChargePortal.Ocpp;
using ChargePortal.Simulator;
using ChargePortal.Web.Data;
using ChargePortal.Web.Stations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Demo;

/// <summary>
/// <c>Demo:SimulatedStations</c> &gt; 0 (the Development default) connects that many of the registered
/// stations as simulated charge points to this host's own OCPP endpoint — half on 1.6, half on 2.0.1,
/// with their real connectors and occasional RFID sessions — so a first run shows a live network.
/// </summary>
public sealed class DemoStations(
    IOptions<DemoOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    IDbContextFactory<AppDbContext> dbFactory,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private static readonly string[] DemoCards = ["DEMO-DRIVER-CARD", "DEMO-FLEET-001"];
    private readonly List<SimulatorFleet> _fleets = [];
    private readonly ILogger _logger = loggerFactory.CreateLogger<DemoStations>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = options.Value.SimulatedStations;
        if (count <= 0)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var csms = OwnOcppUrl();
        if (csms is null)
        {
            _logger.LogInformation("Demo stations not started: this host has no network address (in-memory test server)");
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
        var stations = await db.Stations.AsNoTracking().Include(s => s.Connectors).Where(s => s.PasswordHash == null)
            .OrderBy(s => s.Id).Take(count).ToListAsync(stoppingToken);
        for (var i = 0; i < stations.Count; i++)
        {
            _fleets.Add(CreateFleet(stations[i], csms, i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201));
        }

        await Task.WhenAll(_fleets.Select(f => f.StartAsync(stoppingToken)));
        _logger.LogInformation("{Count} demo stations connected to {Url}", _fleets.Count, csms);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the fleets are stopped below.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var fleet in _fleets)
        {
            await fleet.DisposeAsync();
        }

        await base.StopAsync(cancellationToken);
    }

    private SimulatorFleet CreateFleet(Station station, Uri csms, OcppVersion version) => new(new SimulatorFleetOptions
    {
        CsmsUrl = csms,
        Count = 1,
        Ids = [station.Id],
        Version = version,
        AutoSessions = true,
        AutoSessionIdTags = DemoCards,
        AutoSessionIdleMin = TimeSpan.FromMinutes(1),
        AutoSessionIdleMax = TimeSpan.FromMinutes(6),
        AutoSessionDurationMin = TimeSpan.FromMinutes(5),
        AutoSessionDurationMax = TimeSpan.FromMinutes(20),
        Template = new SimulatedChargePointOptions
        {
            Id = station.Id,
            CsmsUrl = csms,
            Vendor = station.Vendor ?? "ChargePortal",
            Model = station.Model ?? "Simulator",
            MeterValueInterval = TimeSpan.FromSeconds(15),
            Connectors = station.Connectors.Count == 0
                ? [new SimulatedConnectorOptions()]
                : [.. station.Connectors.OrderBy(c => c.EvseId).ThenBy(c => c.ConnectorId).Select(c => new SimulatedConnectorOptions(ToSimulated(c.Type), c.MaxPowerW))],
        },
    }, loggerFactory: loggerFactory);

    private Uri? OwnOcppUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (address is null)
        {
            return null;
        }

        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        return new Uri($"ws://127.0.0.1:{uri.Port}/ocpp/");
    }

    private static SimulatedConnectorType ToSimulated(ConnectorType type) => type switch
    {
        ConnectorType.Ccs2 or ConnectorType.GbtDc => SimulatedConnectorType.Ccs2,
        ConnectorType.Chademo => SimulatedConnectorType.Chademo,
        ConnectorType.Type1 => SimulatedConnectorType.Type1,
        ConnectorType.Ccs1 => SimulatedConnectorType.Ccs1,
        _ => SimulatedConnectorType.Type2,
    };
}
