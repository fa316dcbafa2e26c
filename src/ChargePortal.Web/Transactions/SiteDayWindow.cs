using System.Linq.Expressions;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// "Started between these calendar days", each session read in its own site's time zone (a station without a site,
/// or a site with an unknown zone, in UTC). SQL cannot convert time zones, so the days become one UTC window per zone
/// in use, and the query keeps a session that falls in its zone's window.
/// </summary>
internal static class SiteDayWindow
{
    public static async Task<IQueryable<ChargingTransaction>> ApplyAsync(
        AppDbContext db, IQueryable<ChargingTransaction> query, DateOnly? fromDay, DateOnly? toDay, CancellationToken ct)
    {
        if (fromDay is null && toDay is null)
        {
            return query;
        }

        var sites = await db.Sites.AsNoTracking().Select(s => new { s.Id, s.TimeZoneId }).ToListAsync(ct);
        var byZone = sites.GroupBy(s => SiteTime.Zone(s.TimeZoneId).Id, s => s.Id).ToList();

        Expression<Func<ChargingTransaction, bool>> withoutSite = t => t.Station!.SiteId == null;
        var anyWindow = Within(withoutSite, TimeZoneInfo.Utc, fromDay, toDay);
        foreach (var zone in byZone)
        {
            var siteIds = zone.ToList();
            Expression<Func<ChargingTransaction, bool>> atSites = t => t.Station!.SiteId != null && siteIds.Contains(t.Station.SiteId.Value);
            anyWindow = Or(anyWindow, Within(atSites, SiteTime.Zone(zone.Key), fromDay, toDay));
        }

        return query.Where(anyWindow);
    }

    private static Expression<Func<ChargingTransaction, bool>> Within(
        Expression<Func<ChargingTransaction, bool>> where, TimeZoneInfo zone, DateOnly? fromDay, DateOnly? toDay)
    {
        if (fromDay is { } first)
        {
            var from = SiteTime.StartOfDay(first, zone);
            where = And(where, t => t.StartedAt >= from);
        }

        if (toDay is { } last)
        {
            var to = SiteTime.StartOfDay(last.AddDays(1), zone);
            where = And(where, t => t.StartedAt < to);
        }

        return where;
    }

    private static Expression<Func<ChargingTransaction, bool>> And(
        Expression<Func<ChargingTransaction, bool>> left, Expression<Func<ChargingTransaction, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<ChargingTransaction, bool>> Or(
        Expression<Func<ChargingTransaction, bool>> left, Expression<Func<ChargingTransaction, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<ChargingTransaction, bool>> Combine(
        Expression<Func<ChargingTransaction, bool>> left, Expression<Func<ChargingTransaction, bool>> right,
        Func<Expression, Expression, BinaryExpression> op)
    {
        var t = left.Parameters[0];
        var rightBody = ReplacingExpressionVisitor.Replace(right.Parameters[0], t, right.Body);
        return Expression.Lambda<Func<ChargingTransaction, bool>>(op(left.Body, rightBody), t);
    }
}
