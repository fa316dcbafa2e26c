using System.Security.Cryptography;
using System.Text.Json;
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

/// <summary>Why a command has no answer; the OCPP error code and description when the station answered with a CALLERROR.</summary>
public sealed record CommandError(CommandFailure Kind, string Detail, string? OcppErrorCode = null, string? OcppErrorDescription = null);

/// <summary>The station's typed answer, or why there is none.</summary>
public sealed record CommandResult<TAnswer>(TAnswer? Answer, CommandError? Error = null)
    where TAnswer : StationAnswer
{
    /// <summary>The station answered and did what was asked.</summary>
    public bool Succeeded => Answer?.Succeeded == true;

    /// <summary>The station's status, or the failure and its detail: what the audit log and alerts record.</summary>
    public string Outcome => Error is { } error ? $"{error.Kind}: {error.Detail}" : Answer!.StatusText;

}

public static class CommandResult
{
    public static CommandResult<TAnswer> Failed<TAnswer>(CommandError error)
        where TAnswer : StationAnswer
        => new(null, error);

    public static CommandResult<TAnswer> Failed<TAnswer>(CommandFailure failure, string detail)
        where TAnswer : StationAnswer
        => new(null, new CommandError(failure, detail));
}

/// <summary>
/// Who asked for a command, for the audit log. <paramref name="Audited"/> false is for what the CSMS sends on its own
/// many times a session (CostUpdated): neither audited nor published, so a station that lacks it raises no alerts.
/// </summary>
public sealed record CommandActor(string Name, string? UserId, bool Audited = true);

/// <summary>
/// Sends a version-neutral operation to a station: lets the station's version adapter build the OCPP call, routes
/// it to the node holding the socket (one outstanding call per station, with its timeout), types the answer,
/// audits it and publishes the outcome. Every CSMS→station call of the app goes through here. Features that react to
/// what is sent or answered (remote-start records, password rotation) do so as <see cref="IStationCallObserver"/>s.
/// </summary>
public sealed partial class StationCommandService(
    IDbContextFactory<AppDbContext> dbFactory,
    IStationCallRouter router,
    DiagnosticsUploads uploads,
    AuditLog audit,
    IStationEventPublisher events,
    IEnumerable<IStationCallObserver> observers,
    ITokenDirectory tokenDirectory,
    RegistrationGate registration,
    IStationMessageLimits messageLimits,
    TimeProvider time)
{
    /// <summary>Sends <paramref name="operation"/> and returns the station's typed answer.</summary>
    public Task<CommandResult<TAnswer>> ExecuteAsync<TAnswer>(string stationId, StationOperation<TAnswer> operation, CommandActor actor, CancellationToken ct)
        where TAnswer : StationAnswer
        => ExecuteAsync(stationId, operation, actor, publicBaseUri: null, ct);

    /// <summary>As above, for operations that hand the station a URL of this host (GetDiagnostics' upload slot).</summary>
    public async Task<CommandResult<TAnswer>> ExecuteAsync<TAnswer>(
        string stationId, StationOperation<TAnswer> operation, CommandActor actor, Uri? publicBaseUri, CancellationToken ct)
        where TAnswer : StationAnswer
    {
        ArgumentNullException.ThrowIfNull(operation);
        var result = await RunAsync(stationId, operation, JsonSerializer.Serialize<object>(operation, AuditJson), actor, publicBaseUri, ct);
        return result.Error is { } error ? CommandResult.Failed<TAnswer>(error) : new CommandResult<TAnswer>((TAnswer)result.Answer!);
    }

    /// <summary>For callers that hold operations of several kinds (the console): the answer typed as far as the base allows.</summary>
    public Task<CommandResult<StationAnswer>> ExecuteAnyAsync(string stationId, StationCommandArguments operation, CommandActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(stationId, operation, JsonSerializer.Serialize<object>(operation, AuditJson), actor, publicBaseUri: null, ct);
    }

    /// <summary>
    /// The HTTP API's entry: <paramref name="commandName"/> is a route name (<c>remote-start</c> …) and
    /// <paramref name="body"/> its JSON arguments (DESIGN.md "HTTP API contract").
    /// </summary>
    public Task<CommandResult<StationAnswer>> ExecuteNamedAsync(
        string stationId, string commandName, JsonElement? body, CommandActor actor, Uri publicBaseUri, CancellationToken ct)
    {
        if (!StationCommandNames.TryParse(commandName, out var command))
        {
            return Task.FromResult(CommandResult.Failed<StationAnswer>(CommandFailure.UnknownCommand,
                $"There is no command '{commandName}'. Commands: {string.Join(", ", StationCommandNames.All.Select(c => c.RouteName()))}."));
        }

        StationCommandArguments arguments;
        try
        {
            arguments = StationCommandParser.Parse(command, body);
        }
        catch (StationCommandArgumentException ex)
        {
            return AuditedFailureAsync(stationId, command, body?.GetRawText(), actor, CommandFailure.BadArguments, ex.Message, ct);
        }

        return RunAsync(stationId, arguments, body?.GetRawText(), actor, publicBaseUri, ct);
    }

    private async Task<CommandResult<StationAnswer>> AuditedFailureAsync(
        string stationId, StationCommandName command, string? auditDetails, CommandActor actor, CommandFailure failure, string detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Stations.AnyAsync(s => s.Id == stationId, ct))
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.UnknownStation, $"No station '{stationId}' is registered.");
        }

        var result = CommandResult.Failed<StationAnswer>(failure, detail);
        await RecordAsync(stationId, command, auditDetails, actor, result.Outcome, ct);
        return result;
    }

    private async Task<CommandResult<StationAnswer>> RunAsync(
        string stationId, StationCommandArguments arguments, string? auditDetails, CommandActor actor, Uri? publicBaseUri, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => new { s.Id, s.LocalListVersion }).FirstOrDefaultAsync(ct);
        if (station is null)
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.UnknownStation, $"No station '{stationId}' is registered.");
        }

        var result = await SendInBatchesAsync(db, station.Id, station.LocalListVersion, arguments, ct)
            ?? await SendAsync(db, station.Id, station.LocalListVersion, arguments, publicBaseUri, ct);
        await RecordAsync(stationId, arguments.Command, auditDetails, actor, result.Outcome, ct);
        return result;
    }

    private async Task RecordAsync(string stationId, StationCommandName command, string? details, CommandActor actor, string outcome, CancellationToken ct)
    {
        if (!actor.Audited)
        {
            return;
        }

        await audit.RecordAsync(actor.Name, actor.UserId, command.RouteName(), stationId, details, outcome, ct);
        events.Publish(new CommandCompleted(stationId, time.GetUtcNow(), command.RouteName(), outcome));
    }

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private async Task<CommandResult<StationAnswer>> SendAsync(
        AppDbContext db, string stationId, int localListVersion, StationCommandArguments arguments, Uri? publicBaseUri, CancellationToken ct)
    {
        var version = await router.FindAsync(stationId, ct);
        if (version is null)
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.Offline, $"Station '{stationId}' is not connected.");
        }

        OcppOutgoingCall call;
        StationCommandContext context;
        try
        {
            context = await BuildContextAsync(db, stationId, localListVersion, arguments, publicBaseUri, ct);
            call = StationCommandAdapters.For(version.Value).Build(arguments, context);
        }
        catch (StationCommandArgumentException ex)
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.BadArguments, ex.Message);
        }

        foreach (var observer in observers)
        {
            await observer.OnSendingAsync(new OutgoingOperation(stationId, version.Value, arguments, context), ct);
        }

        var (response, error) = await RouteAsync(stationId, call, ct);
        if (error is not null)
        {
            return CommandResult.Failed<StationAnswer>(error);
        }

        var answer = arguments.ReadAnswer(StationCommandAdapters.For(version.Value).MapAnswer(call, response), context);
        return new CommandResult<StationAnswer>(answer);
    }

    /// <summary>The station's answer to <paramref name="call"/>, or why there is none.</summary>
    private async Task<(JsonElement Response, CommandError? Error)> RouteAsync(string stationId, OcppOutgoingCall call, CancellationToken ct)
    {
        if (await registration.RefuseOutgoingAsync(stationId, call.Action, ct) is { } refusal)
        {
            return (default, new CommandError(CommandFailure.NotAccepted, refusal));
        }

        try
        {
            var response = await router.CallAsync(stationId, call.Action, call.Payload, ct);

            foreach (var observer in observers)
            {
                await observer.OnAnsweredAsync(stationId, call, response, ct);
            }

            return (response, null);
        }
        catch (StationOfflineException ex)
        {
            return (default, new CommandError(CommandFailure.Offline, ex.Message));
        }
        catch (OcppConnectionClosedException)
        {
            return (default, new CommandError(CommandFailure.Offline, $"Station '{stationId}' disconnected before answering."));
        }
        catch (OcppCallTimeoutException ex)
        {
            return (default, new CommandError(CommandFailure.Timeout, $"Station '{stationId}' did not answer {call.Action} within {ex.Timeout.TotalSeconds:0} s."));
        }
        catch (OcppCallErrorException ex)
        {
            return (default, new CommandError(CommandFailure.StationError, $"Station '{stationId}' answered {call.Action} with {ex.WireErrorCode}: {ex.Description}", ex.WireErrorCode, ex.Description));
        }
        catch (OcppValidationException ex)
        {
            return (default, new CommandError(CommandFailure.StationError, $"Station '{stationId}' answered {call.Action} with a payload that violates the schema: {ex.Description}", ex.ErrorCode.ToString()));
        }
    }

    private async Task<StationCommandContext> BuildContextAsync(
        AppDbContext db, string stationId, int localListVersion, StationCommandArguments arguments, Uri? publicBaseUri, CancellationToken ct)
    {
        var idTags = arguments switch
        {
            SendLocalListArguments list => list.Tokens,
            RemoteStartArguments start => [start.IdTag],
            ReserveNowArguments reserve => [reserve.IdTag],
            _ => [],
        };
        var tokens = idTags.Count == 0 ? new Dictionary<string, TokenInfo>(StringComparer.Ordinal) : await tokenDirectory.FindAsync(idTags, ct);

        var requestId = RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var uploadUrl = "";
        if (arguments is GetDiagnosticsArguments logs)
        {
            // A 1.6 GetDiagnostics carries no requestId; its DiagnosticsStatusNotifications belong to the station's latest upload.
            var namesRequest = logs.LogType == LogKind.SecurityLog || await IsV201Async(db, stationId, ct);
            uploadUrl = publicBaseUri is null
                ? throw new StationCommandArgumentException(null, "Diagnostics need this host's public address for the upload.")
                : (await uploads.CreateSlotAsync(stationId, publicBaseUri, logs.LogType, namesRequest ? requestId : null, ct)).AbsoluteUri;
        }

        return new StationCommandContext
        {
            RemoteStartId = requestId,
            RequestId = requestId,
            NextLocalListVersion = arguments is SendLocalListArguments ? await ReserveLocalListVersionAsync(db, stationId, ct) : localListVersion + 1,
            UploadUrl = uploadUrl,
            Tokens = tokens,
            IdTagIsRfid = tokens.Values.FirstOrDefault()?.IsRfid ?? false,
        };
    }

    private static Task<bool> IsV201Async(AppDbContext db, string stationId, CancellationToken ct) =>
        db.Stations.AnyAsync(s => s.Id == stationId && s.OcppVersion == ChargePortal.Ocpp.OcppVersion.V201, ct);

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
