using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary><c>GET /api/stations/{id}/firmware</c>: the station's firmware updates and publications, newest first, each with its timeline.</summary>
public static class FirmwareApi
{
    public static IEndpointRouteBuilder MapFirmwareApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/stations", "Firmware")
            .MapGet("/{id}/firmware", ListAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Firmware updates (update-firmware) and local-controller publications (publish-firmware) of a station with the statuses it reported.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<FirmwareUpdateView>>, ProblemHttpResult>> ListAsync(
        string id, FirmwareService firmware, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok(await firmware.ListAsync(id, ct));
    }
}
