using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Audit;

/// <summary>Audit filters; To is exclusive.</summary>
public sealed record AuditFilter(string? StationId = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string? StationId, string? Details, string? Outcome);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>Reads the audit log for the operator page, newest first.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<AuditPage> PageAsync(AuditFilter filter, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.StationId))
        {
            var station = filter.StationId.Trim();
            query = query.Where(a => a.StationId == station);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(a => a.Actor.Contains(actor));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(a => new AuditRow(a.Id, a.At, a.Actor, a.Action, a.StationId, a.Details, a.Outcome))
            .ToListAsync(ct);
        return new AuditPage(rows, total);
    }
}
