using ChargePortal.Web.Data;
using ChargePortal.Web.Sites;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// Filters of the sessions list and the CSV export. From and To are UTC instants, To exclusive; FromDay and ToDay are
/// calendar days in each session's site time zone, both inclusive (what a person picking dates means).
/// </summary>
public sealed record SessionFilter(
    string? StationId = null,
    int? SiteId = null,
    string? IdTag = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    TransactionStatus? Status = null,
    DateOnly? FromDay = null,
    DateOnly? ToDay = null)
{
    public string? Validate() =>
        From is { } f && To is { } t && f >= t ? "'from' must be before 'to'."
        : FromDay is { } first && ToDay is { } last && first > last ? "'fromDate' must not be after 'toDate'."
        : null;
}

public sealed record SessionRow(
    long Id,
    string TransactionId,
    string StationId,
    string? StationName,
    int? SiteId,
    string? SiteName,
    int EvseId,
    int ConnectorId,
    string? IdTag,
    string? SiteTimeZoneId,
    DateTimeOffset StartedAt,
    DateTimeOffset? StoppedAt,
    long EnergyWh,
    decimal? Cost,
    string? Currency,
    TransactionStatus Status,
    string? StopReason)
{
    public TimeSpan? Duration => StoppedAt is { } stop ? stop - StartedAt : null;
}

public sealed record SessionPage(IReadOnlyList<SessionRow> Rows, int Total);

public sealed record MeterReadingRow(DateTimeOffset Timestamp, string Measurand, string? Phase, string? Unit, string? Context, decimal Value);

public sealed record SessionDetail(SessionRow Session, IReadOnlyList<MeterReadingRow> MeterValues);

/// <summary>Charging sessions as the portal lists, shows and exports them, always within the caller's site scope.</summary>
public sealed class SessionQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxPageSize = 200;

    public async Task<SessionPage> PageAsync(SiteScope scope, SessionFilter filter, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, scope, filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await Project(query.OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))).ToListAsync(ct);
        return new SessionPage(rows, total);
    }

    /// <summary>Every matching session, newest first, streamed so a large export does not sit in memory.</summary>
    public async IAsyncEnumerable<SessionRow> StreamAsync(SiteScope scope, SessionFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Project((await FilteredAsync(db, scope, filter, ct)).OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.Id));
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    public async Task<SessionDetail?> FindAsync(SiteScope scope, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Project((await FilteredAsync(db, scope, new SessionFilter(), ct)).Where(t => t.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var meter = await db.MeterValues.AsNoTracking().Where(m => m.TransactionId == id)
            .OrderBy(m => m.Timestamp).ThenBy(m => m.Id).Take(5000)
            .Select(m => new MeterReadingRow(m.Timestamp, m.Measurand, m.Phase, m.Unit, m.Context, m.Value))
            .ToListAsync(ct);
        return new SessionDetail(row, meter);
    }

    private static async Task<IQueryable<ChargingTransaction>> FilteredAsync(AppDbContext db, SiteScope scope, SessionFilter filter, CancellationToken ct)
    {
        var query = db.Transactions.AsNoTracking();
        if (!scope.AllSites)
        {
            query = query.Where(t => t.Station!.SiteId != null && scope.SiteIds.Contains(t.Station.SiteId.Value));
        }

        if (!string.IsNullOrWhiteSpace(filter.StationId))
        {
            var stationId = filter.StationId.Trim();
            query = query.Where(t => t.StationId == stationId);
        }

        if (filter.SiteId is { } siteId)
        {
            query = query.Where(t => t.Station!.SiteId == siteId);
        }

        if (!string.IsNullOrWhiteSpace(filter.IdTag))
        {
            var idTag = filter.IdTag.Trim();
            query = query.Where(t => t.IdTag == idTag);
        }

        if (filter.From is { } from)
        {
            query = query.Where(t => t.StartedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(t => t.StartedAt < to);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        return await SiteDayWindow.ApplyAsync(db, query, filter.FromDay, filter.ToDay, ct);
    }

    private static IQueryable<SessionRow> Project(IQueryable<ChargingTransaction> query) =>
        query.Select(t => new SessionRow(t.Id, t.OcppTransactionId, t.StationId, t.Station!.Name, t.Station.SiteId,
            t.Station.Site != null ? t.Station.Site.Name : null, t.EvseId, t.ConnectorId, t.IdTag,
            t.Station.Site != null ? t.Station.Site.TimeZoneId : null, t.StartedAt, t.StoppedAt,
            t.EnergyWh, t.Cost, t.Currency, t.Status, t.StopReason));
}
