using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.StationSecurity;

/// <summary>
/// Rotates the passwords that are due: connected stations on profile 1 or 2 only. An offline station is left for a
/// later check: storing a new password it never received would lock it out. Each rotation is audited with its outcome
/// (never the password, which only the station learns).
/// </summary>
public sealed partial class PasswordRotation(
    IDbContextFactory<AppDbContext> dbFactory,
    IStationCallRouter router,
    StationCredentials credentials,
    AuditLog audit,
    IOptions<PasswordRotationOptions> options,
    TimeProvider time,
    ILogger<PasswordRotation> logger)
{
    public const string Actor = "password-rotation";
    public const string AuditAction = "rotate-password";

    /// <summary>The stations rotated in this pass.</summary>
    public async Task<IReadOnlyList<string>> RotateDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var globalDays = options.Value.IntervalDays;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Filtered in memory: SQLite cannot compare DateTimeOffset values in a query.
        var candidates = await db.Stations.AsNoTracking()
            .Where(s => s.PasswordHash != null && (s.SecurityProfile == 1 || s.SecurityProfile == 2))
            .Select(s => new { s.Id, s.PasswordRotationDays, s.PasswordChangedAt, s.CreatedAt })
            .ToListAsync(ct);
        var due = candidates
            .Where(s => (s.PasswordRotationDays ?? globalDays) is > 0 and var days && (s.PasswordChangedAt ?? s.CreatedAt).AddDays(days) <= now)
            .Select(s => s.Id)
            .ToList();

        var rotated = new List<string>();
        foreach (var stationId in due)
        {
            if (await router.FindAsync(stationId, ct) is null)
            {
                continue;
            }

            var result = await credentials.ApplyAsync(stationId, new StationCredentialsPatch(GeneratePassword: true), new CommandActor(Actor, null), ct);
            var outcome = result switch
            {
                { Credentials.PasswordChange.Applied: true } => "Rotated",
                { Credentials.PasswordChange: { } change } => $"Refused by the station ({change.StationStatus ?? "no status"})",
                _ => $"Failed: {result.Detail}",
            };
            await audit.RecordAsync(Actor, null, AuditAction, stationId, "scheduled password rotation", outcome, ct);
            if (result.Credentials?.PasswordChange?.Applied == true)
            {
                rotated.Add(stationId);
            }
            else
            {
                LogNotRotated(logger, stationId, outcome);
            }
        }

        return rotated;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled password rotation of {StationId} did not happen: {Outcome}; it is tried again at the next check")]
    private static partial void LogNotRotated(ILogger logger, string stationId, string outcome);
}

/// <summary>Runs <see cref="PasswordRotation"/> every PasswordRotation:CheckMinutes on the cluster's leader.</summary>
public sealed class PasswordRotationService(
    PasswordRotation rotation, IClusterSingletonGate gate, IOptions<PasswordRotationOptions> options, TimeProvider time, ILogger<PasswordRotationService> logger)
    : BackgroundService
{
    public const string JobName = "password-rotation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await rotation.RotateDueAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled password rotation failed");
            }
        }
    }
}
