using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Hosting;

public static class ApiConventions
{
    /// <summary>The /api group: API-key authentication only (no cookie redirects), problem+json errors, limited per key.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string prefix, string tag) =>
        endpoints.MapGroup("/api" + prefix)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .RequireRateLimiting(RateLimitPolicies.Api)
            .WithTags(tag);

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>The 404 every per-station route answers for a station id nobody registered.</summary>
    public static ProblemHttpResult UnknownStation(string id) =>
        Problem(StatusCodes.Status404NotFound, "Unknown station", $"No station '{id}' is registered.");

    /// <summary>
    /// The 404 of <see cref="UnknownStation"/> when <paramref name="id"/> is not registered, null when it is: lists of a
    /// station's records answer 404 for an unknown station rather than an empty list.
    /// </summary>
    public static async Task<ProblemHttpResult?> UnlessStationExistsAsync(IDbContextFactory<AppDbContext> dbFactory, string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.AnyAsync(s => s.Id == id, ct) ? null : UnknownStation(id);
    }
}
