using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Audit;

/// <summary>Who sent which command to which station, when, and the answer.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
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
            Details = details,
            Outcome = outcome.Length > 256 ? outcome[..256] : outcome,
        });
        await db.SaveChangesAsync(ct);
    }
}
