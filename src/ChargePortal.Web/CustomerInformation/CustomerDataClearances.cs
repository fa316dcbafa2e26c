using ChargePortal.Ocpp;
using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.CustomerInformation;

/// <summary>
/// When a driver's account is deleted, every 2.0.1 station that saw one of the driver's tokens (in a session or an
/// Authorize) is asked to clear what it holds about the token: CustomerInformation with clear true, report false, by
/// idToken (N10). The requests are recorded first, so the deletion never waits on a station; this service sends them
/// when the station is connected (at once, and again when it connects or boots), retries refusals and failures with
/// back-off, and audits the outcome. Stations that are offline are not charged an attempt.
/// </summary>
public sealed class CustomerDataClearances(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    StationCommandService commands,
    IClusterSingletonGate gate,
    AuditLog audit,
    TimeProvider time,
    ILogger<CustomerDataClearances> logger) : BackgroundService
{
    public const string JobName = "customer-data-clearances";
    public const string AuditAction = "customer-data-clear";

    /// <summary>After this many answered-but-not-accepted (or failed) attempts the clear is given up and audited.</summary>
    public const int MaxAttempts = 8;

    /// <summary>How often pending clears are looked at when nothing wakes the loop.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    private readonly SemaphoreSlim _wake = new(0);

    // 1 while a wake-up is signalled and its pass has not begun: thousands of stations reconnecting at once wake the
    // loop once, not once each.
    private int _wakePending;
    private long _passes;

    /// <summary>Passes over the pending clears so far (each one reads them).</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>
    /// Records a clear for each (2.0.1 station, token) pair the driver's tokens were seen at, audits it and wakes the
    /// sender. Returns how many were queued. Never contacts a station.
    /// </summary>
    public async Task<int> QueueForDriverAsync(string userId, string reason, string requestedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.IdTokens.AsNoTracking().Where(t => t.UserId == userId).Select(t => new { t.IdTag, t.Kind }).ToListAsync(ct);
        var tags = tokens.Select(t => t.IdTag).ToList();
        var v201 = db.Stations.Where(s => s.OcppVersion == OcppVersion.V201).Select(s => s.Id);
        var seen = await db.Transactions.AsNoTracking()
            .Where(t => (t.UserId == userId || (t.IdTag != null && tags.Contains(t.IdTag))) && v201.Contains(t.StationId))
            .Select(t => new { t.StationId, IdTag = t.IdTag! }).Where(t => t.IdTag != null).Distinct().ToListAsync(ct);
        foreach (var tag in tags)
        {
            // Authorize requests name the token in their payload; the message log keeps them (retention permitting).
            var authorizedAt = await db.OcppMessageLog.AsNoTracking()
                .Where(m => m.Action == "Authorize" && m.MessageType == 2 && m.Payload.Contains("\"" + tag + "\"") && v201.Contains(m.StationId))
                .Select(m => m.StationId).Distinct().ToListAsync(ct);
            seen.AddRange(authorizedAt.Select(stationId => new { StationId = stationId, IdTag = tag }));
        }

        var now = time.GetUtcNow();
        var pairs = seen.Distinct().ToList();
        foreach (var pair in pairs)
        {
            var kind = tokens.FirstOrDefault(t => t.IdTag == pair.IdTag)?.Kind;
            db.CustomerDataClearances.Add(new CustomerDataClearance
            {
                StationId = pair.StationId,
                IdToken = pair.IdTag,
                IdTokenType = kind is null or IdTokenKind.Rfid ? nameof(CustomerTokenType.ISO14443) : nameof(CustomerTokenType.Central),
                Reason = reason,
                RequestedBy = requestedBy,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        foreach (var pair in pairs)
        {
            await audit.RecordAsync(requestedBy, null, AuditAction, pair.StationId, $"queued: clear token {pair.IdTag} ({reason})", "Pending", ct);
        }

        Wake();
        return pairs.Count;
    }

    public async Task<IReadOnlyList<CustomerDataClearance>> ListAsync(string? stationId, bool pendingOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.CustomerDataClearances.AsNoTracking();
        if (stationId is not null)
        {
            query = query.Where(c => c.StationId == stationId);
        }

        if (pendingOnly)
        {
            query = query.Where(c => c.CompletedAt == null);
        }

        return await query.OrderByDescending(c => c.Id).Take(1000).ToListAsync(ct);
    }

    /// <summary>Looks at the pending clears now rather than at the next poll (a station came back, or clears were queued).</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await SendDueAsync(stoppingToken);
                }

                await _wake.WaitAsync(PollInterval, stoppingToken);

                // Cleared before the pass: a wake-up during it signals the next one.
                Volatile.Write(ref _wakePending, 0);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Sending pending customer-data clears failed; retrying later");
            }
        }
    }

    private async Task SendDueAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _passes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var due = await db.CustomerDataClearances.Where(c => c.CompletedAt == null).ToListAsync(ct);
        foreach (var clearance in due.Where(c => c.NextAttemptAt <= now).OrderBy(c => c.Id))
        {
            var token = new CustomerTokenReference(clearance.IdToken, Enum.Parse<CustomerTokenType>(clearance.IdTokenType));
            var actor = new CommandActor($"system ({clearance.Reason})", null);
            var result = await commands.ExecuteAsync(clearance.StationId, new CustomerInformationArguments(Report: false, Clear: true, token), actor, ct);
            if (result.Error is { Kind: CommandFailure.Offline or CommandFailure.NotAccepted } offline)
            {
                // Not the station's refusal: it is sent when the station is back (connect/boot wakes this loop).
                clearance.LastOutcome = offline.Detail;
                continue;
            }

            clearance.Attempts++;
            clearance.LastAttemptAt = now;
            clearance.LastOutcome = result.Outcome;
            if (result.Answer is { Outcome: CustomerInformationStatus.Accepted } answer)
            {
                clearance.CompletedAt = now;
                clearance.RequestId = answer.RequestId;
            }
            else if (clearance.Attempts >= MaxAttempts)
            {
                clearance.CompletedAt = now;
                clearance.GaveUp = true;
                await audit.RecordAsync(actor.Name, null, AuditAction, clearance.StationId,
                    $"gave up clearing token {clearance.IdToken} after {clearance.Attempts} attempts", result.Outcome, ct);
            }
            else
            {
                clearance.NextAttemptAt = now + Backoff[Math.Min(clearance.Attempts - 1, Backoff.Length - 1)];
            }
        }

        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
