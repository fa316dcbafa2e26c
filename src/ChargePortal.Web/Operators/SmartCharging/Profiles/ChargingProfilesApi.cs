using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.LoadManagement;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>
/// The charging profiles of 2.0.1 stations: those the CSMS set and those the station reports having. A report is asked
/// for with the command <c>get-charging-profiles</c> (<c>POST /api/stations/{id}/commands/get-charging-profiles</c>).
/// </summary>
public static class ChargingProfilesApi
{
    public static IServiceCollection AddChargingProfileTracking(this IServiceCollection services)
    {
        services.AddSingleton<ChargingProfileTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<ChargingProfileTracker>());
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<ChargingProfileTracker>());
        services.AddSingleton<StationChargingProfiles>();
        return services;
    }

    public static IEndpointRouteBuilder MapChargingProfilesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/stations", "Smart charging")
            .MapGet("/{id}/charging-profiles", GetAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Charging profiles of a 2.0.1 station: those the CSMS set (accepted) and the latest reports of what the station has (ReportChargingProfiles).");
        endpoints.MapApiGroup("/stations", "Smart charging")
            .MapGet("/{id}/charging-limits", LimitsAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("External charging limits a 2.0.1 station reported (NotifyChargingLimit) and has not cleared, with the watts each allows now; the site load balancer works around them.");
        return endpoints;
    }

    private static async Task<Results<Ok<StationChargingProfilesDto>, ProblemHttpResult>> GetAsync(
        string id, StationChargingProfiles profiles, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok(await profiles.GetAsync(id, ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<ExternalChargingLimitDto>>, ProblemHttpResult>> LimitsAsync(
        string id, ExternalChargingLimits limits, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok(await limits.ListAsync(id, ct));
    }
}
