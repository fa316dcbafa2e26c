using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
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
            .WithSummary("Send a command to a station and return its answer: remote-start, remote-stop, unlock, reset, change-availability, get-configuration, set-configuration, trigger-message, reserve-now, cancel-reservation, set-charging-profile, clear-charging-profile, get-composite-schedule, update-firmware, get-diagnostics, send-local-list, get-local-list-version, clear-cache, data-transfer, cost-updated, certificate-signed, install-certificate, delete-certificate, get-installed-certificate-ids, get-transaction-status, get-charging-profiles, publish-firmware, unpublish-firmware.");
        endpoints.MapApiGroup("/stations", "Station commands")
            .MapPost("/{id}/ocpp/{action}", CallRawAsync)
            .RequireAuthorization(Policies.Operator)
            .Accepts<JsonObject>("application/json")
            .WithSummary("Send any OCPP action of the station's version (e.g. GetBaseReport) with the payload exactly as OCPP defines it; validated against the official schema first; returns the station's response payload.");
        return endpoints;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ExecuteAsync(
        string id, string command, HttpRequest request, ClaimsPrincipal user, StationCommandService commands, PublicUrls publicUrls,
        IStationOperationSender<UpdateFirmwareArguments> firmware, CancellationToken ct)
    {
        var (body, bodyError) = await ReadBodyAsync(request, ct);
        if (bodyError is not null)
        {
            return bodyError;
        }

        // The upload URL of get-diagnostics is the CSMS's public address, never this request's Host header.
        var baseUri = publicUrls.BaseFor(request);
        if (baseUri is null && StationCommandNames.TryParse(command, out var parsed) && parsed == StationCommandName.GetDiagnostics)
        {
            return ApiConventions.Problem(StatusCodes.Status500InternalServerError, "Public address not configured",
                "get-diagnostics hands the station an upload URL on this CSMS: set Hosting:PublicBaseUrl (or AllowedHosts) first.");
        }

        // A firmware update is recorded for its timeline and signed where the CSMS signs (the firmware tools); bad
        // arguments take the common path, which audits them.
        var result = FirmwareUpdateOf(command, body) is { } update
            ? await firmware.SendAsync(id, update, Actor(user), ct)
            : await commands.ExecuteNamedAsync(id, command, body, Actor(user), baseUri ?? PublicUrls.Untrusted, ct);
        return result.Error switch
        {
            null => TypedResults.Ok(result.Answer!.Details),
            { Kind: CommandFailure.UnknownCommand } e => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown command", e.Detail),
            { Kind: CommandFailure.UnknownStation } e => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", e.Detail),
            { Kind: CommandFailure.Offline } e => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station offline", e.Detail),
            { Kind: CommandFailure.NotAccepted } e => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station not accepted", e.Detail),
            { Kind: CommandFailure.BadArguments } e => ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", e.Detail),
            { Kind: CommandFailure.Timeout } e => ApiConventions.Problem(StatusCodes.Status504GatewayTimeout, "No answer in time", e.Detail),
            { } e => StationError(e.OcppErrorCode, e.OcppErrorDescription, e.Detail),
        };
    }

    private static UpdateFirmwareArguments? FirmwareUpdateOf(string command, JsonElement? body)
    {
        if (!StationCommandNames.TryParse(command, out var named) || named != StationCommandName.UpdateFirmware)
        {
            return null;
        }

        try
        {
            return (UpdateFirmwareArguments)StationCommandParser.Parse(named, body);
        }
        catch (StationCommandArgumentException)
        {
            return null;
        }
    }

    private static async Task<Results<Ok<RawCallAnswer>, ProblemHttpResult>> CallRawAsync(
        string id, string action, HttpRequest request, ClaimsPrincipal user, StationCommandService commands, CancellationToken ct)
    {
        var (body, bodyError) = await ReadBodyAsync(request, ct);
        if (bodyError is not null)
        {
            return bodyError;
        }

        // An empty body is the empty payload, which is all that ClearCache or GetLocalListVersion take.
        var payload = body ?? JsonDocument.Parse("{}").RootElement;
        var result = await commands.CallRawAsync(id, action, payload, Actor(user), ct);
        return result.Failure switch
        {
            null => TypedResults.Ok(new RawCallAnswer(result.Action, result.Version!.Value.DisplayName(), result.Response!.Value)),
            CommandFailure.UnknownStation => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", result.Detail!),
            CommandFailure.Offline => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station offline", result.Detail!),
            CommandFailure.NotAccepted => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station not accepted", result.Detail!),
            CommandFailure.BadArguments => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad OCPP request", detail: result.Detail,
                extensions: new Dictionary<string, object?>
                {
                    ["violations"] = result.Violations?.Select(v => new RawCallViolation(v.Path, v.Message)).ToArray() ?? [],
                }),
            CommandFailure.Timeout => ApiConventions.Problem(StatusCodes.Status504GatewayTimeout, "No answer in time", result.Detail!),
            _ => StationError(result.OcppErrorCode, result.OcppErrorDescription, result.Detail),
        };
    }

    private static async Task<(JsonElement? Body, ProblemHttpResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0)
        {
            return (null, null);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex) when (request.ContentLength > 0 || ex.BytePositionInLine > 0 || ex.LineNumber > 0)
        {
            return (null, ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad arguments", $"The body is not valid JSON: {ex.Message}"));
        }
        catch (JsonException)
        {
            // An empty chunked body: no arguments.
            return (null, null);
        }
    }

    private static CommandActor Actor(ClaimsPrincipal user) => new(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));

    private static ProblemHttpResult StationError(string? ocppErrorCode, string? ocppErrorDescription, string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"Station error: {ocppErrorCode}", detail: detail,
            extensions: new Dictionary<string, object?> { ["ocppErrorCode"] = ocppErrorCode, ["ocppErrorDescription"] = ocppErrorDescription });
}

/// <summary>The answer of a raw OCPP call: the action, the station's negotiated version and its response payload as sent.</summary>
public sealed record RawCallAnswer(string Action, string OcppVersion, JsonElement Response);

/// <summary>One schema violation of a refused raw OCPP request.</summary>
public sealed record RawCallViolation(string Path, string Message);
