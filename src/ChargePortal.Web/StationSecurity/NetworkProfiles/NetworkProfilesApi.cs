using System.Security.Claims;
using System.Text.Json;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargePortal.Web.StationSecurity.NetworkProfiles;

/// <summary>
/// <c>POST /api/stations/{id}/network-profiles</c> sets a connection profile (A05/B09) with its follow-ups;
/// <c>GET</c> lists what was sent and the station's current and pending security profile. Operators and admins only.
/// </summary>
public static class NetworkProfilesApi
{
    public static IServiceCollection AddNetworkProfiles(this IServiceCollection services)
    {
        services.AddSingleton<NetworkProfileService>();
        services.AddSingleton<SecurityProfileUpgrades>();
        return services;
    }

    public static IEndpointRouteBuilder MapNetworkProfilesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiGroup("/stations", "Station security");
        group.MapPost("/{id}/network-profiles", SetAsync).RequireAuthorization(Policies.Operator).Accepts<NetworkProfileBody>("application/json")
            .WithSummary("Set a 2.0.1 station's connection profile for a configuration slot; on Accepted the slot goes first in NetworkConfigurationPriority and the station is reset OnIdle (A05). A security profile below the station's is refused.");
        group.MapGet("/{id}/network-profiles", ListAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("The station's security profile, a higher one it was given and has not connected on yet, and the network profiles sent to it.");
        return endpoints;
    }

    private static async Task<Results<Ok<NetworkProfileResultDto>, ProblemHttpResult>> SetAsync(
        string id, HttpRequest request, ClaimsPrincipal user, NetworkProfileService service, CancellationToken ct)
    {
        NetworkProfileRequest parsed;
        try
        {
            using var document = request.ContentLength is 0 ? null : await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            parsed = NetworkProfileRequest.Parse(document?.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", $"The body is not valid JSON: {ex.Message}");
        }
        catch (StationCommandArgumentException ex)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", ex.Message);
        }

        var actor = new CommandActor(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));
        var outcome = await service.ChangeAsync(id, parsed, actor, ct);
        return outcome.Error switch
        {
            null => TypedResults.Ok(outcome.Result!),
            { Kind: CommandFailure.UnknownStation } => ApiConventions.UnknownStation(id),
            { Kind: CommandFailure.Offline } e => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station offline", e.Detail),
            { Kind: CommandFailure.NotAccepted } e => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station not accepted", e.Detail),
            { Kind: CommandFailure.BadArguments } e => ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", e.Detail),
            { Kind: CommandFailure.Timeout } e => ApiConventions.Problem(StatusCodes.Status504GatewayTimeout, "No answer in time", e.Detail),
            { } e => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"Station error: {e.OcppErrorCode}", detail: e.Detail,
                extensions: new Dictionary<string, object?> { ["ocppErrorCode"] = e.OcppErrorCode, ["ocppErrorDescription"] = e.OcppErrorDescription }),
        };
    }

    private static async Task<Results<Ok<NetworkProfilesDto>, ProblemHttpResult>> ListAsync(string id, NetworkProfileService service, CancellationToken ct) =>
        await service.ListAsync(id, ct) is { } profiles ? TypedResults.Ok(profiles) : ApiConventions.UnknownStation(id);
}

/// <summary>The body of <c>POST /api/stations/{id}/network-profiles</c>, for the OpenAPI document (the endpoint reads it strictly itself).</summary>
public sealed record NetworkProfileBody(
    int ConfigurationSlot, string? OcppVersion, string? Transport, string CsmsUrl, int MessageTimeout, int SecurityProfile, string OcppInterface,
    JsonElement? Apn, JsonElement? Vpn, IReadOnlyList<int>? Priority);
