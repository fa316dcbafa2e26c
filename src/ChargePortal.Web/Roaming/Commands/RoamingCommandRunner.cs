using System.Collections.Concurrent;
using System.Threading.Channels;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Outbox;
using ChargePortal.Web.Roaming.Tariffs;

namespace ChargePortal.Web.Roaming.Commands;

/// <summary>A command accepted from a partner, to carry out at the station.</summary>
public sealed record RoamingCommandJob(int PartnerId, string PartnerName, string ResponseUrl, Func<RoamingStationCommands, CancellationToken, Task<StationOutcome>> Run);

/// <summary>
/// Carries out accepted commands after the partner got its immediate answer: each at once (a station slow to answer
/// delays no other), then the station's outcome is queued as a CommandResult POST to the partner's response_url.
/// </summary>
public sealed partial class RoamingCommandRunner(RoamingStationCommands stations, RoamingOutbox outbox, ILogger<RoamingCommandRunner> logger) : BackgroundService
{
    private readonly Channel<RoamingCommandJob> _jobs = Channel.CreateBounded<RoamingCommandJob>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>False when too many commands are in flight; the partner is told REJECTED.</summary>
    public bool TryQueue(RoamingCommandJob job) => _jobs.Writer.TryWrite(job);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
            {
                var task = RunAsync(job, stoppingToken);
                _running[task] = 0;
                _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: let the commands already sent to stations finish reporting.
        }

        await Task.WhenAll(_running.Keys);
    }

    private async Task RunAsync(RoamingCommandJob job, CancellationToken ct)
    {
        await Task.Yield();
        StationOutcome outcome;
        try
        {
            outcome = await job.Run(stations, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, job.PartnerId);
            outcome = new StationOutcome("FAILED", "The command could not be carried out.");
        }

        var result = new CommandResult(outcome.Result, outcome.Message is null ? null : [new DisplayText("en", outcome.Message)]);
        await outbox.EnqueueAsync([new OutboundRequest(job.PartnerId, OcpiModules.CommandResults, HttpMethod.Post, null, result, job.ResponseUrl)], CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A command of roaming partner {PartnerId} failed")]
    private static partial void LogFailed(ILogger logger, Exception e, int partnerId);
}
