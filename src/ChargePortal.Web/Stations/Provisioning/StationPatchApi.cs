using System.Security.Claims;
using System.Text.Json;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargePortal.Web.Stations.Provisioning;

public static class StationPatchApi
{
    public static IServiceCollection AddStationProvisioning(this IServiceCollection services)
    {
        services.AddSingleton<RegistrationGate>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistrationGate>());
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<RegistrationGate>());
        services.AddSingleton<StationEditor>();
        return services;
    }

    public static RouteGroupBuilder MapStationPatch(this RouteGroupBuilder stations)
    {
        stations.MapPatch("/{id}", PatchAsync).RequireAuthorization(Policies.Operator)
            .Accepts<StationSettingsDto>("application/json")
            .WithSummary("Change a station's name, site or registration status (Accepted, Pending, Rejected); any subset of the fields.");
        return stations;
    }

    private static async Task<Results<Ok<StationSettingsDto>, ProblemHttpResult>> PatchAsync(
        string id, HttpRequest request, ClaimsPrincipal user, StationEditor editor, CancellationToken ct)
    {
        JsonElement? body;
        try
        {
            body = request.ContentLength is 0 ? null : (await JsonDocument.ParseAsync(request.Body, cancellationToken: ct)).RootElement;
        }
        catch (JsonException ex)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request", $"The body is not valid JSON: {ex.Message}");
        }

        var actor = new CommandActor(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));
        var result = await editor.PatchAsync(id, body, actor, ct);
        return result.Outcome switch
        {
            StationPatchOutcome.Updated => TypedResults.Ok(result.Station!),
            StationPatchOutcome.UnknownStation => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", result.Errors![0]),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid station change", detail: string.Join(" ", result.Errors!),
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }),
        };
    }
}
