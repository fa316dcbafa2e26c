using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.MessageLog;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Audit;

/// <summary>
/// Who sent which command to which station, when, and the answer. Each command writes a row, so the write takes its
/// turn at the <see cref="DatabaseWriteGate"/> like the OCPP path's writes: under load, a SQLite write that collides
/// with a message-log flush is otherwise retried after a 150 ms sleep, which showed as a 150–300 ms command p99.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time)
{
    public async Task RecordAsync(string actor, string? userId, string action, string? stationId, string? details, string outcome, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor.Length > 256 ? actor[..256] : actor,
            UserId = userId,
            Action = action,
            StationId = stationId,
            Details = StationSecretMask.MaskJson(details), // station passwords set by a command never stored in clear
            Outcome = outcome.Length > 256 ? outcome[..256] : outcome,
        });
        using var turn = await writeGate.EnterAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
