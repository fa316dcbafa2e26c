using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity;

/// <summary>Station security: credentials, security profiles, security events and certificates (DESIGN.md "Station security").</summary>
public static class StationSecurityApi
{
    public static IServiceCollection AddStationSecurity(this IServiceCollection services)
    {
        services.AddSingleton<SecurityEventLog>();
        return services;
    }

    public static IEndpointRouteBuilder MapStationSecurityApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/stations", "Station security");
        api.MapGet("/{id}/security-events", ListSecurityEventsAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("The security events the station reported (SecurityEventNotification), newest first. Operators and admins.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<SecurityEventDto>>, ProblemHttpResult>> ListSecurityEventsAsync(
        string id, DateTimeOffset? from, DateTimeOffset? to, int? take, SecurityEventLog log, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (take is < 1 or > 1000)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request", "take must be between 1 and 1000.");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Stations.AnyAsync(s => s.Id == id, ct))
            {
                return ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", $"No station '{id}' is registered.");
            }
        }

        return TypedResults.Ok(await log.ListAsync(id, from, to, take ?? 1000, ct));
    }
}
