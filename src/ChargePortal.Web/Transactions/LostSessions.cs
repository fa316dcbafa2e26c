using System.Threading.Channels;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// A 2.0.1 station that lost power mid-session may never send that session's Ended event. When a new transaction starts
/// on an EVSE where an older session is still open here, the CSMS asks the station about the older one
/// (GetTransactionStatus by its transactionId, E14). Only when the station says it is not ongoing and holds no queued
/// message about it is the session closed, at its last meter value, priced and settled like a 1.6 session abandoned by
/// a power loss. A station that still queues events for it (E14.FR.03) keeps it open until they arrive; one that does
/// not answer leaves it as it is.
/// </summary>
public sealed partial class LostSessions(IServiceProvider services, IDbContextFactory<AppDbContext> dbFactory, AbandonedSessions abandoned, ILogger<LostSessions> logger)
    : BackgroundService
{
    /// <summary>The stoppedReason recorded: the station did not say why the session ended.</summary>
    public const string Reason = "Other";

    /// <summary>Stations asked at once; a station that does not answer holds only its own check up.</summary>
    private const int ConcurrentChecks = 16;

    private static readonly CommandActor Actor = new("CSMS (sessions the station no longer has)", null);

    private readonly Channel<Check> _checks = Channel.CreateBounded<Check>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Called once a new session on <paramref name="evseId"/> is stored; the check runs off the station's answer path.</summary>
    public void NewSessionStarted(string stationId, int evseId, long sessionId) => _checks.Writer.TryWrite(new Check(stationId, evseId, sessionId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentChecks, CancellationToken = stoppingToken };
            await Parallel.ForEachAsync(_checks.Reader.ReadAllAsync(stoppingToken), parallel, RunAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async ValueTask RunAsync(Check check, CancellationToken ct)
    {
        try
        {
            await CheckAsync(check, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCheckFailed(ex, check.StationId, check.EvseId);
        }
    }

    private async Task CheckAsync(Check check, CancellationToken ct)
    {
        List<(long Id, string TransactionId)> older;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var open = await db.Transactions.AsNoTracking()
                .Where(t => t.StationId == check.StationId && t.EvseId == check.EvseId && t.Status == TransactionStatus.Active)
                .Select(t => new { t.Id, t.OcppTransactionId, t.StartedAt }).ToListAsync(ct);
            if (open.FirstOrDefault(t => t.Id == check.NewSessionId) is not { } started)
            {
                return;
            }

            // Compared in memory: DateTimeOffset comparisons are not translatable on every provider (an EVSE has few open sessions).
            older = [.. open.Where(t => t.Id != check.NewSessionId && t.StartedAt <= started.StartedAt).Select(t => (t.Id, t.OcppTransactionId))];
        }

        if (older.Count == 0)
        {
            return;
        }

        // Resolved late: the command service reaches the station handlers, which call this.
        var commands = services.GetRequiredService<StationCommandService>();
        foreach (var (id, transactionId) in older)
        {
            var status = await commands.ExecuteAsync(check.StationId, new GetTransactionStatusArguments(transactionId), Actor, ct);
            if (status.Answer is { OngoingIndicator: false, MessagesInQueue: false } && await abandoned.CloseLostAsync(check.StationId, id, Reason, ct))
            {
                LogClosed(check.StationId, transactionId, check.EvseId);
            }
        }
    }

    private sealed record Check(string StationId, int EvseId, long NewSessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed session {TransactionId} on {StationId} EVSE {EvseId}: a newer one started and the station no longer has it")]
    private partial void LogClosed(string stationId, string transactionId, int evseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the older sessions of {StationId} EVSE {EvseId} failed")]
    private partial void LogCheckFailed(Exception ex, string stationId, int evseId);
}
