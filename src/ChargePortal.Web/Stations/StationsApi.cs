using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations.Provisioning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargePortal.Web.Stations;

public static class StationsApi
{
    public static IServiceCollection AddStations(this IServiceCollection services)
    {
        services.AddSingleton<StationRegistry>();
        services.AddSingleton<SiteAccess>();
        services.AddStationProvisioning();
        return services;
    }

    public static IEndpointRouteBuilder MapStationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/stations", "Stations");
        api.MapGet("/", ListAsync).RequireAuthorization(Policies.Dashboard)
            .WithSummary("Stations the caller may see (site owners: their sites), filtered, paged by ?skip=&take= (take 1..1000, default 1000); the total is in X-Total-Count.");
        api.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Dashboard)
            .WithSummary("One station with its recent transactions.");
        api.MapPost("/", RegisterAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Register a station; with a password it must use HTTP Basic auth (security profile 1).");
        api.MapStationPatch();
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<StationDto>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, SiteAccess access, StationRegistry registry,
        bool? online, int? siteId, PageRequest page, HttpResponse response, CancellationToken ct)
    {
        if (page.Error is { } error)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad paging", error);
        }

        var scope = await access.ScopeForAsync(user, ct);
        var stations = await registry.ListAsync(scope, online, siteId, page.Skip, page.Take, ct);
        PageRequest.SetTotal(response, stations.Total);
        return TypedResults.Ok(stations.Items);
    }

    private static async Task<Results<Ok<StationDetailDto>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, SiteAccess access, StationRegistry registry, CancellationToken ct)
    {
        var scope = await access.ScopeForAsync(user, ct);
        var station = await registry.FindAsync(scope, id, ct);
        return station is null
            ? ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", $"No station '{id}' is registered (or it is not one of your sites).")
            : TypedResults.Ok(station);
    }

    private static async Task<Results<Created<StationDto>, ProblemHttpResult>> RegisterAsync(
        RegisterStationRequest? request, StationRegistry registry, CancellationToken ct)
    {
        if (request is null)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request", "A JSON body {\"id\": \"...\"} is required.");
        }

        var result = await registry.RegisterAsync(request, ct);
        return result.Outcome switch
        {
            RegisterStationOutcome.Created => TypedResults.Created($"/api/stations/{Uri.EscapeDataString(request.Id!)}",
                (await registry.FindAsync(SiteScope.Everything, request.Id!, ct))!.Station),
            RegisterStationOutcome.AlreadyExists => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station exists", result.Error!),
            _ => ApiConventions.Problem(StatusCodes.Status400BadRequest, "Invalid station", result.Error!),
        };
    }
}
