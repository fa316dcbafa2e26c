using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargePortal.Web.Ocpp.Commands;

public static class StationCommandsApi
{
    public static IEndpointRouteBuilder MapStationCommandsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/stations", "Station commands")
            .MapPost("/{id}/commands/{command}", ExecuteAsync)
            .RequireAuthorization(Policies.Operator)
            .Accepts<JsonObject>("application/json")
            .WithSummary("Send a command to a station and return its answer: remote-start, remote-stop, unlock, reset, change-availability, get-configuration, set-configuration, trigger-message, reserve-now, cancel-reservation, set-charging-profile, clear-charging-profile, get-composite-schedule, update-firmware, get-diagnostics, send-local-list, get-local-list-version, clear-cache, data-transfer.");
        return endpoints;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ExecuteAsync(
        string id, string command, HttpRequest request, ClaimsPrincipal user, StationCommandService commands, PublicUrls publicUrls, CancellationToken ct)
    {
        JsonElement? body = null;
        if (request.ContentLength is null or > 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                body = document.RootElement.Clone();
            }
            catch (JsonException ex) when (request.ContentLength > 0 || ex.BytePositionInLine > 0 || ex.LineNumber > 0)
            {
                return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", $"The body is not valid JSON: {ex.Message}");
            }
            catch (JsonException)
            {
                // An empty chunked body: no arguments.
            }
        }

        // The upload URL of get-diagnostics is the CSMS's public address, never this request's Host header.
        var baseUri = publicUrls.BaseFor(request);
        if (baseUri is null && StationCommandNames.TryParse(command, out var parsed) && parsed == StationCommandName.GetDiagnostics)
        {
            return ApiConventions.Problem(StatusCodes.Status500InternalServerError, "Public address not configured",
                "get-diagnostics hands the station an upload URL on this CSMS: set Hosting:PublicBaseUrl (or AllowedHosts) first.");
        }

        baseUri ??= PublicUrls.Untrusted;
        var actor = new CommandActor(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));
        var result = await commands.ExecuteAsync(id, command, body, actor, baseUri, ct);
        return result.Failure switch
        {
            null => TypedResults.Ok(result.Answer!),
            CommandFailure.UnknownCommand => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown command", result.Detail!),
            CommandFailure.UnknownStation => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", result.Detail!),
            CommandFailure.Offline => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station offline", result.Detail!),
            CommandFailure.BadArguments => ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", result.Detail!),
            CommandFailure.Timeout => ApiConventions.Problem(StatusCodes.Status504GatewayTimeout, "No answer in time", result.Detail!),
            _ => StationError(result),
        };
    }

    private static ProblemHttpResult StationError(CommandResult result) =>
        TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"Station error: {result.OcppErrorCode}", detail: result.Detail,
            extensions: new Dictionary<string, object?> { ["ocppErrorCode"] = result.OcppErrorCode });
}
