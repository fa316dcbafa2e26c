using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>
/// Once a minute, on one node: partner sessions still active whose transaction has completed (their end event was
/// missed, e.g. the node stopped) are completed and their CDR issued.
/// </summary>
public sealed partial class MissedSessionSweep(SessionReporter sessions, IClusterSingletonGate gate, ILogger<MissedSessionSweep> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await gate.IsLeaderAsync("roaming-missed-sessions", stoppingToken))
                {
                    await sessions.CompleteMissedAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing missed roaming sessions failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
