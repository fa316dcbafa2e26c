using ChargePortal.Web.Data;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Drivers.Sessions;

/// <summary>One row of a driver's history; <see cref="TimeZoneId"/> is the site's, for showing times locally.</summary>
public sealed record SessionSummary(long Id, string StationId, int ConnectorId, DateTimeOffset StartedAt, DateTimeOffset? StoppedAt, long EnergyWh, decimal? Cost, string? Currency, TransactionStatus Status, string? TimeZoneId = null);

/// <summary>A driver's own sessions, newest first (app and RFID sessions alike: both carry the driver's user id).</summary>
public sealed class SessionHistory(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<SessionSummary>> ForDriverAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Transactions.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id).Take(PageSize)
            .Select(t => new SessionSummary(t.Id, t.StationId, t.ConnectorId, t.StartedAt, t.StoppedAt, t.EnergyWh, t.Cost, t.Currency, t.Status, t.Station!.Site!.TimeZoneId))
            .ToListAsync(ct);
        return rows;
    }
}
