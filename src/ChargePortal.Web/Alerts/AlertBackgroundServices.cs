using System.ComponentModel.DataAnnotations;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;

namespace ChargePortal.Web.Alerts;

/// <summary>Opens alerts for faults and failed commands as they appear on the station event stream.</summary>
public sealed class AlertEventMonitor(IStationEventStream stream, AlertService alerts, IClusterSingletonGate gate, ILogger<AlertEventMonitor> logger)
    : StationEventFollower(stream)
{
    protected override ILogger Logger => logger;

    public const string JobName = "alerts-from-events";

    protected override async Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
    {
        // With a shared event stream every node sees every event; only the leader records it.
        if (AlertRules.For(stationEvent) is { } request && await gate.IsLeaderAsync(JobName, ct))
        {
            await alerts.RaiseAsync(request, ct);
        }
    }
}

public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>How often the offline detector runs.</summary>
    [Range(1, 3600)]
    public int OfflineCheckSeconds { get; set; } = 30;
}

/// <summary>Runs the <see cref="OfflineDetector"/> periodically on the cluster's leader.</summary>
public sealed class OfflineDetectorService(OfflineDetector detector, IClusterSingletonGate gate, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<AlertOptions> options, ILogger<OfflineDetectorService> logger) : BackgroundService
{
    public const string JobName = "offline-detector";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.OfflineCheckSeconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await detector.CheckAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Offline check failed");
            }
        }
    }
}
