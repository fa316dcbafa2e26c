using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;
using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Ocpp.Diagnostics;
using ChargePortal.Web.Stations.Provisioning;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Ocpp.Commands;

public enum CommandFailure
{
    UnknownCommand,
    UnknownStation,
    Offline,
    BadArguments,
    Timeout,
    StationError,

    /// <summary>The station's registration is Pending or Rejected and the call is not one it may be sent (409).</summary>
    NotAccepted,
}

/// <summary>The station's answer, or why there is none.</summary>
public sealed record CommandResult(JsonObject? Answer, CommandFailure? Failure = null, string? Detail = null, string? OcppErrorCode = null, string? OcppErrorDescription = null)
{
    public static CommandResult Failed(CommandFailure failure, string detail, string? ocppErrorCode = null, string? ocppErrorDescription = null)
        => new(null, failure, detail, ocppErrorCode, ocppErrorDescription);
}

/// <summary>Who asked for a command, for the audit log.</summary>
public sealed record CommandActor(string Name, string? UserId);

/// <summary>
/// Sends a version-neutral command to a station: parses the arguments, lets the station's version
/// adapter build the OCPP call, routes it to the node holding the socket, maps the answer, audits it.
/// </summary>
public sealed partial class StationCommandService(
    IDbContextFactory<AppDbContext> dbFactory,
    IStationCallRouter router,
    DiagnosticsUploads uploads,
    AuditLog audit,
    IStationEventPublisher events,
    RegistrationGate registration,
    TimeProvider time)
{
    public async Task<CommandResult> ExecuteAsync(string stationId, string commandName, JsonElement? body, CommandActor actor, Uri publicBaseUri, CancellationToken ct)
    {
        if (!StationCommandNames.TryParse(commandName, out var command))
        {
            return CommandResult.Failed(CommandFailure.UnknownCommand,
                $"There is no command '{commandName}'. Commands: {string.Join(", ", StationCommandNames.All.Select(c => c.RouteName()))}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null)
        {
            return CommandResult.Failed(CommandFailure.UnknownStation, $"No station '{stationId}' is registered.");
        }

        var result = await SendAsync(db, station.Id, station.LocalListVersion, command, body, publicBaseUri, ct);
        var outcome = result.Failure is { } failure ? $"{failure}: {result.Detail}" : result.Answer?["status"]?.ToString() ?? "Answered";
        await audit.RecordAsync(actor.Name, actor.UserId, command.RouteName(), stationId, body?.GetRawText(), outcome, ct);
        events.Publish(new CommandCompleted(stationId, time.GetUtcNow(), command.RouteName(), outcome));
        return result;
    }

    private async Task<CommandResult> SendAsync(AppDbContext db, string stationId, int localListVersion, StationCommandName command, JsonElement? body, Uri publicBaseUri, CancellationToken ct)
    {
        var version = await router.FindAsync(stationId, ct);
        if (version is null)
        {
            return CommandResult.Failed(CommandFailure.Offline, $"Station '{stationId}' is not connected.");
        }

        OcppOutgoingCall call;
        StationCommandArguments arguments;
        try
        {
            arguments = StationCommandParser.Parse(command, body);
            var context = await BuildContextAsync(db, stationId, localListVersion, arguments, publicBaseUri, ct);
            call = StationCommandAdapters.For(version.Value).Build(arguments, context);
        }
        catch (StationCommandArgumentException ex)
        {
            return CommandResult.Failed(CommandFailure.BadArguments, ex.Message);
        }

        var routed = await RouteAsync(stationId, call, ct);
        if (routed.Failure is not null)
        {
            return routed.Failure;
        }

        var response = routed.Response;
        var answer = StationCommandAdapters.For(version.Value).MapAnswer(call, response);
        if (arguments is SendLocalListArguments && answer["status"]?.ToString() == "Accepted")
        {
            await db.Stations.Where(s => s.Id == stationId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LocalListVersion, localListVersion + 1), ct);
        }

        return new CommandResult(answer);
    }

    /// <summary>The station's answer to <paramref name="call"/>, or the failure as a command result.</summary>
    internal async Task<(JsonElement Response, CommandResult? Failure)> RouteAsync(string stationId, OcppOutgoingCall call, CancellationToken ct)
    {
        if (await registration.RefuseOutgoingAsync(stationId, call.Action, ct) is { } refusal)
        {
            return (default, CommandResult.Failed(CommandFailure.NotAccepted, refusal));
        }

        try
        {
            return (await router.CallAsync(stationId, call.Action, call.Payload, ct), null);
        }
        catch (StationOfflineException ex)
        {
            return (default, CommandResult.Failed(CommandFailure.Offline, ex.Message));
        }
        catch (OcppConnectionClosedException)
        {
            return (default, CommandResult.Failed(CommandFailure.Offline, $"Station '{stationId}' disconnected before answering."));
        }
        catch (OcppCallTimeoutException ex)
        {
            return (default, CommandResult.Failed(CommandFailure.Timeout, $"Station '{stationId}' did not answer {call.Action} within {ex.Timeout.TotalSeconds:0} s."));
        }
        catch (OcppCallErrorException ex)
        {
            return (default, CommandResult.Failed(CommandFailure.StationError, $"Station '{stationId}' answered {call.Action} with {ex.WireErrorCode}: {ex.Description}", ex.WireErrorCode, ex.Description));
        }
        catch (OcppValidationException ex)
        {
            return (default, CommandResult.Failed(CommandFailure.StationError, $"Station '{stationId}' answered {call.Action} with a payload that violates the schema: {ex.Description}", ex.ErrorCode.ToString()));
        }
    }

    private async Task<StationCommandContext> BuildContextAsync(
        AppDbContext db, string stationId, int localListVersion, StationCommandArguments arguments, Uri publicBaseUri, CancellationToken ct)
    {
        var idTags = arguments switch
        {
            SendLocalListArguments list => list.Tokens,
            RemoteStartArguments start => [start.IdTag],
            ReserveNowArguments reserve => [reserve.IdTag],
            _ => [],
        };
        var tokens = idTags.Count == 0
            ? []
            : await db.IdTokens.AsNoTracking().Where(t => idTags.Contains(t.IdTag)).ToListAsync(ct);

        var requestId = RandomNumberGenerator.GetInt32(1, int.MaxValue);
        return new StationCommandContext
        {
            RemoteStartId = requestId,
            RequestId = requestId,
            NextLocalListVersion = localListVersion + 1,
            UploadUrl = arguments is GetDiagnosticsArguments ? (await uploads.CreateSlotAsync(stationId, publicBaseUri, ct)).AbsoluteUri : "",
            Tokens = tokens.ToDictionary(t => t.IdTag, t => new TokenInfo(t.Status, t.ExpiresAt, t.ParentIdTag, t.Kind == Tokens.IdTokenKind.Rfid)),
            IdTagKind = tokens.FirstOrDefault()?.Kind ?? Tokens.IdTokenKind.Central,
        };
    }
}
