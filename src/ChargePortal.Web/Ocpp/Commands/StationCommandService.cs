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
using ChargePortal.Web.Transactions;
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
}

/// <summary>The station's answer, or why there is none.</summary>
public sealed record CommandResult(JsonObject? Answer, CommandFailure? Failure = null, string? Detail = null, string? OcppErrorCode = null)
{
    public static CommandResult Failed(CommandFailure failure, string detail, string? ocppErrorCode = null) => new(null, failure, detail, ocppErrorCode);
}

/// <summary>Who asked for a command, for the audit log.</summary>
public sealed record CommandActor(string Name, string? UserId);

/// <summary>
/// Sends a version-neutral command to a station: parses the arguments, lets the station's version
/// adapter build the OCPP call, routes it to the node holding the socket, maps the answer, audits it.
/// </summary>
public sealed class StationCommandService(
    IDbContextFactory<AppDbContext> dbFactory,
    IStationCallRouter router,
    DiagnosticsUploads uploads,
    AuditLog audit,
    IStationEventPublisher events,
    RemoteStarts remoteStarts,
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

        if (arguments is RemoteStartArguments remoteStart && version == ChargePortal.Ocpp.OcppVersion.V201)
        {
            // The session the station starts for it names only this id (F01/F02): remember whose start it is, before sending.
            await remoteStarts.RecordAsync(stationId, call.Payload.GetProperty("remoteStartId").GetInt32(), remoteStart.IdTag, ct);
        }

        JsonElement response;
        try
        {
            response = await router.CallAsync(stationId, call.Action, call.Payload, ct);
        }
        catch (StationOfflineException ex)
        {
            return CommandResult.Failed(CommandFailure.Offline, ex.Message);
        }
        catch (OcppConnectionClosedException)
        {
            return CommandResult.Failed(CommandFailure.Offline, $"Station '{stationId}' disconnected before answering.");
        }
        catch (OcppCallTimeoutException ex)
        {
            return CommandResult.Failed(CommandFailure.Timeout, $"Station '{stationId}' did not answer {call.Action} within {ex.Timeout.TotalSeconds:0} s.");
        }
        catch (OcppCallErrorException ex)
        {
            return CommandResult.Failed(CommandFailure.StationError, $"Station '{stationId}' answered {call.Action} with {ex.WireErrorCode}: {ex.Description}", ex.WireErrorCode);
        }
        catch (OcppValidationException ex)
        {
            return CommandResult.Failed(CommandFailure.StationError, $"Station '{stationId}' answered {call.Action} with a payload that violates the schema: {ex.Description}", ex.ErrorCode.ToString());
        }

        return new CommandResult(StationCommandAdapters.For(version.Value).MapAnswer(call, response));
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
            NextLocalListVersion = arguments is SendLocalListArguments ? await ReserveLocalListVersionAsync(db, stationId, ct) : localListVersion + 1,
            UploadUrl = arguments is GetDiagnosticsArguments ? (await uploads.CreateSlotAsync(stationId, publicBaseUri, ct)).AbsoluteUri : "",
            Tokens = tokens.ToDictionary(t => t.IdTag, t => new TokenInfo(t.Status, t.ExpiresAt, t.ParentIdTag, t.Kind == Tokens.IdTokenKind.Rfid)),
            IdTagKind = tokens.FirstOrDefault()?.Kind ?? Tokens.IdTokenKind.Central,
        };
    }

    /// <summary>
    /// A list version is used once, whatever the station answers (or if it never does, it may still have applied it):
    /// sending the same version twice could leave two different lists under one number.
    /// </summary>
    private static async Task<int> ReserveLocalListVersionAsync(AppDbContext db, string stationId, CancellationToken ct)
    {
        await using var reservation = await db.Database.BeginTransactionAsync(ct);
        await db.Stations.Where(s => s.Id == stationId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LocalListVersion, s => s.LocalListVersion + 1), ct);
        var reserved = await db.Stations.Where(s => s.Id == stationId).Select(s => s.LocalListVersion).FirstAsync(ct);
        await reservation.CommitAsync(ct);
        return reserved;
    }
}
