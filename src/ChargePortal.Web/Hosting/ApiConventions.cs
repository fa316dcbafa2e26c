using ChargePortal.Web.Hosting.RateLimiting;
using ChargePortal.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

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
}
