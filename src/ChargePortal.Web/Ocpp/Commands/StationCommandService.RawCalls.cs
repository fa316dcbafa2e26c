using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Validation;
using ChargePortal.Web.Live;
using ChargePortal.Web.StationSecurity;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// The station's response payload to a raw OCPP call, or why there is none. <see cref="Violations"/> lists every schema
/// violation of a refused request (BadArguments).
/// </summary>
public sealed record RawCallResult(
    string Action,
    OcppVersion? Version,
    JsonElement? Response,
    CommandFailure? Failure = null,
    string? Detail = null,
    string? OcppErrorCode = null,
    string? OcppErrorDescription = null,
    IReadOnlyList<OcppSchemaViolation>? Violations = null);

public sealed partial class StationCommandService
{
    /// <summary>
    /// Sends any CSMS-initiated action of the station's OCPP version with the payload exactly as OCPP defines it
    /// (DESIGN.md "Raw OCPP calls"). The payload is checked against the official schema first; every violation is
    /// reported and nothing is sent. Audited and published like the neutral commands.
    /// </summary>
    public async Task<RawCallResult> CallRawAsync(string stationId, string action, JsonElement payload, CommandActor actor, CancellationToken ct)
    {
        var result = await SendRawAsync(stationId, action, payload, ct);
        if (result.Failure is CommandFailure.UnknownStation)
        {
            return result;
        }

        var outcome = result.Failure is { } failure ? $"{failure}: {result.Detail}" : RawOutcome(result.Response!.Value);
        var command = "ocpp/" + action;
        await audit.RecordAsync(actor.Name, actor.UserId, command, stationId, OcppSecrets.MaskPayload(action, payload), outcome, ct);
        events.Publish(new CommandCompleted(stationId, time.GetUtcNow(), command, outcome));
        return result;
    }

    /// <summary>The actions <paramref name="version"/> lets the CSMS send, in ordinal order.</summary>
    public static IReadOnlyList<string> RawActions(OcppVersion version) =>
        [.. OcppActionCatalog.For(version).Actions
            .Where(a => a.Initiator.HasFlag(OcppInitiator.Csms) && OcppSchemaValidator.HasSchema(version, a.Action))
            .Select(a => a.Action)
            .Order(StringComparer.Ordinal)];

    private async Task<RawCallResult> SendRawAsync(string stationId, string action, JsonElement payload, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => new { s.OcppVersion }).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            return new RawCallResult(action, null, null, CommandFailure.UnknownStation, $"No station '{stationId}' is registered.");
        }

        // Validated against the version the station is connected with; an offline station's last version still lets
        // a malformed request be told apart from an offline station.
        var connected = await router.FindAsync(stationId, ct);
        if ((connected ?? stored.OcppVersion) is not { } version)
        {
            return new RawCallResult(action, null, null, CommandFailure.Offline, $"Station '{stationId}' is not connected.");
        }

        if (RefuseAction(version, action) is { } refusal)
        {
            return new RawCallResult(action, version, null, CommandFailure.BadArguments, refusal);
        }

        var violations = payload.ValueKind == JsonValueKind.Object
            ? OcppSchemaValidator.Violations(version, action, OcppMessageKind.Request, payload)
            : [new OcppSchemaViolation("$", $"expected object, got {payload.ValueKind.ToString().ToLowerInvariant()}", ChargePortal.Ocpp.OcppErrorCode.TypeConstraintViolation)];
        if (violations.Count > 0)
        {
            return new RawCallResult(action, version, null, CommandFailure.BadArguments,
                $"The payload is not a valid OCPP {version.DisplayName()} {action} request: {string.Join("; ", violations.Select(v => $"{v.Path}: {v.Message}"))}.",
                Violations: violations);
        }

        if (connected is null)
        {
            return new RawCallResult(action, version, null, CommandFailure.Offline, $"Station '{stationId}' is not connected.");
        }

        var (response, failure) = await RouteAsync(stationId, new OcppOutgoingCall(action, payload), ct);
        return failure is null
            ? new RawCallResult(action, version, response)
            : new RawCallResult(action, version, null, failure.Failure, failure.Detail, failure.OcppErrorCode, failure.OcppErrorDescription);
    }

    private static string? RefuseAction(OcppVersion version, string action)
    {
        if (!OcppActionCatalog.For(version).TryGet(action, out var descriptor) || !OcppSchemaValidator.HasSchema(version, action))
        {
            return $"OCPP {version.DisplayName()} has no action '{action}' (action names are case-sensitive). Actions the CSMS can send: {string.Join(", ", RawActions(version))}.";
        }

        return descriptor.Initiator.HasFlag(OcppInitiator.Csms)
            ? null
            : $"{action} is sent by charging stations, not by the CSMS. Actions the CSMS can send: {string.Join(", ", RawActions(version))}.";
    }

    private static string RawOutcome(JsonElement response) =>
        response.ValueKind == JsonValueKind.Object && response.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
            ? status.GetString()!
            : "Answered";
}
