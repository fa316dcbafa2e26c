using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions;

public sealed record TransactionDto(
    long Id,
    string TransactionId,
    string StationId,
    int EvseId,
    int ConnectorId,
    string? IdTag,
    DateTimeOffset StartedAt,
    DateTimeOffset? StoppedAt,
    long EnergyWh,
    decimal? Cost,
    string? Currency,
    TransactionStatus Status,
    string? StopReason,
    string? ChargingState = null,
    string? IdTokenType = null,
    string? PricingNote = null);

public static class TransactionsApi
{
    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/transactions", "Transactions")
            .MapGet("/", ListAsync)
            .RequireAuthorization(Policies.Dashboard)
            .WithSummary("Charging sessions, newest first, filtered by station and start time (site owners: their sites), paged by ?skip=&take= (take 1..1000, default 1000); the total is in X-Total-Count.");
        return endpoints;
    }

    private static async Task<Results<Ok<List<TransactionDto>>, ProblemHttpResult>> ListAsync(
        string? stationId, DateTimeOffset? from, DateTimeOffset? to, PageRequest page, HttpResponse response,
        ClaimsPrincipal user, SiteAccess access, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (page.Error is { } error)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad paging", error);
        }

        if (from > to)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad range", "'from' must not be after 'to'.");
        }

        var scope = await access.ScopeForAsync(user, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Transactions.AsNoTracking();
        if (!scope.AllSites)
        {
            query = query.Where(t => t.Station!.SiteId != null && scope.SiteIds.Contains(t.Station.SiteId.Value));
        }

        if (!string.IsNullOrEmpty(stationId))
        {
            query = query.Where(t => t.StationId == stationId);
        }

        if (from is { } f)
        {
            query = query.Where(t => t.StartedAt >= f);
        }

        if (to is { } t2)
        {
            query = query.Where(t => t.StartedAt <= t2);
        }

        var list = await page.ApplyAsync(query.OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.Id)
            .Select(t => new TransactionDto(t.Id, t.OcppTransactionId, t.StationId, t.EvseId, t.ConnectorId, t.IdTag,
                t.StartedAt, t.StoppedAt, t.EnergyWh, t.Cost, t.Currency, t.Status, t.StopReason, t.ChargingState, t.IdTokenType, t.PricingNote)), response, ct);
        return TypedResults.Ok(list);
    }
}
