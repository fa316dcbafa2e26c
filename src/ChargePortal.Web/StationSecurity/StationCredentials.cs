using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity;

/// <summary>The security fields of <c>PATCH /api/stations/{id}</c> (DESIGN.md "Station security"); any subset.</summary>
/// <remarks><paramref name="PasswordRotationDays"/>: rotate every N days (0 never; -1 back to PasswordRotation:IntervalDays).</remarks>
public sealed record StationCredentialsPatch(string? Password = null, bool? GeneratePassword = null, int? SecurityProfile = null, bool? AllowUnsecured = null,
    int? PasswordRotationDays = null)
{
    public const int MaxRotationDays = 3650;

    public bool IsEmpty => Password is null && GeneratePassword is not true && SecurityProfile is null && AllowUnsecured is null && PasswordRotationDays is null;
}

/// <summary>What became of a new password: whether it was sent to the station (it was connected) and its answer.</summary>
public sealed record PasswordChangeDto(bool SentToStation, string? StationStatus, bool Applied);

/// <summary>A station's credentials after a change. <see cref="Password"/> is a generated password, shown this once.</summary>
/// <remarks><paramref name="PasswordRotationDays"/>: the station's own rotation interval; null follows PasswordRotation:IntervalDays.</remarks>
public sealed record StationCredentialsDto(string Id, int SecurityProfile, bool HasPassword, bool AllowUnsecured, PasswordChangeDto? PasswordChange = null, string? Password = null,
    int? PasswordRotationDays = null);

public enum CredentialsFailure
{
    UnknownStation,
    Invalid,
    Offline,
    Timeout,
    StationError,
}

public sealed record StationCredentialsResult(StationCredentialsDto? Credentials, CredentialsFailure? Failure = null, string? Detail = null);

/// <summary>
/// Sets a station's security profile and Basic-auth password. A new password for a connected station is handed to it
/// first (A01: 1.6 ChangeConfiguration AuthorizationKey, 2.0.1 SetVariables SecurityCtrlr.BasicAuthPassword) and
/// replaces the stored one only when the station accepted it; an offline station's password is stored at once.
/// </summary>
public sealed class StationCredentials(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    IStationCallRouter router,
    StationCommandService commands,
    StationPasswords passwords,
    IHostEnvironment environment)
{
    public async Task<StationCredentialsDto?> GetAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.AsNoTracking().Where(s => s.Id == stationId)
            .Select(s => new StationCredentialsDto(s.Id, s.SecurityProfile, s.PasswordHash != null, s.AllowUnsecured, null, null, s.PasswordRotationDays))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<StationCredentialsResult> ApplyAsync(string stationId, StationCredentialsPatch patch, CommandActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.Password is not null && patch.GeneratePassword is true)
        {
            return Invalid("send either \"password\" or \"generatePassword\": true, not both.");
        }

        if (patch.Password is { } given && StationPasswords.Validate(given) is { } passwordError)
        {
            return Invalid(passwordError);
        }

        if (patch.PasswordRotationDays is < -1 or > StationCredentialsPatch.MaxRotationDays)
        {
            return Invalid($"passwordRotationDays is a number of days from 0 (never) to {StationCredentialsPatch.MaxRotationDays}, or -1 for the global setting; not {patch.PasswordRotationDays}.");
        }

        var current = await GetAsync(stationId, ct);
        if (current is null)
        {
            return new(null, CredentialsFailure.UnknownStation, $"No station '{stationId}' is registered.");
        }

        var newPassword = patch.Password ?? (patch.GeneratePassword is true ? StationPasswords.Generate() : null);
        var profile = patch.SecurityProfile ?? current.SecurityProfile;
        var allowUnsecured = patch.AllowUnsecured ?? current.AllowUnsecured;

        // Moving to profile 0 drops the password: there is nothing left to check it against.
        var hasPassword = profile == 0 ? newPassword is not null : newPassword is not null || current.HasPassword;
        if (SecurityProfileRules.Refusal(profile, hasPassword, allowUnsecured, environment.IsDevelopment()) is { } refusal)
        {
            return Invalid(refusal);
        }

        PasswordChangeDto? change = null;
        if (newPassword is not null)
        {
            var (outcome, failure) = await ChangePasswordAsync(stationId, newPassword, actor, ct);
            if (failure is not null)
            {
                return failure;
            }

            change = outcome;
            if (!change!.Applied)
            {
                // The station kept its old password (A01.FR.04): nothing else changes either.
                return new(current with { PasswordChange = change });
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var station = await db.Stations.FirstAsync(s => s.Id == stationId, ct);
            station.SecurityProfile = profile;
            station.AllowUnsecured = allowUnsecured;
            if (patch.PasswordRotationDays is { } days)
            {
                station.PasswordRotationDays = days < 0 ? null : days;
            }
            if (profile == 0)
            {
                station.PasswordHash = null;
            }

            using (await writeGate.EnterAsync(ct))
            {
                await db.SaveChangesAsync(ct);
            }
        }

        var updated = (await GetAsync(stationId, ct))!;
        return new(updated with { PasswordChange = change, Password = patch.GeneratePassword is true && change is { Applied: true } ? newPassword : null });
    }

    private async Task<(PasswordChangeDto? Outcome, StationCredentialsResult? Failure)> ChangePasswordAsync(string stationId, string password, CommandActor actor, CancellationToken ct)
    {
        var version = await router.FindAsync(stationId, ct);
        if (version is null)
        {
            // Not connected: the operator configures the station itself; the CSMS expects the new password from now on.
            await passwords.StoreAsync(stationId, password, ct);
            return (new PasswordChangeDto(false, null, true), null);
        }

        if (version == OcppVersion.V16 && Encoding.UTF8.GetByteCount(password) > StationPasswords.MaxV16Bytes)
        {
            return (null, Invalid($"an OCPP 1.6 AuthorizationKey holds at most {StationPasswords.MaxV16Bytes} bytes (40 hex digits): use a password of at most {StationPasswords.MaxV16Bytes} characters."));
        }

        var (action, payload) = RotationCall(version.Value, password);

        // The command service stores the password when the station accepts it (StationPasswords.OnAnsweredAsync), and masks it in the audit.
        var result = await commands.CallRawAsync(stationId, action, payload, actor, ct);
        if (result.Failure is { } failure)
        {
            return (null, new StationCredentialsResult(null, failure switch
            {
                CommandFailure.Offline => CredentialsFailure.Offline,
                CommandFailure.Timeout => CredentialsFailure.Timeout,
                CommandFailure.UnknownStation => CredentialsFailure.UnknownStation,
                _ => CredentialsFailure.StationError,
            }, $"The new password was not stored: {result.Detail}"));
        }

        var response = result.Response!.Value;
        var accepted = StationPasswords.Accepted(action, payload, response);
        return (new PasswordChangeDto(true, StationStatus(action, response), accepted), null);
    }

    /// <summary>The call that hands a connected station its new password.</summary>
    public static (string Action, JsonElement Payload) RotationCall(OcppVersion version, string password) => version == OcppVersion.V16
        ? ("ChangeConfiguration", JsonSerializer.SerializeToElement(new JsonObject { ["key"] = StationPasswords.V16Key, ["value"] = StationPasswords.ToAuthorizationKey(password) }))
        : ("SetVariables", JsonSerializer.SerializeToElement(new JsonObject
        {
            ["setVariableData"] = new JsonArray(new JsonObject
            {
                ["attributeValue"] = password,
                ["component"] = new JsonObject { ["name"] = StationPasswords.V201Component },
                ["variable"] = new JsonObject { ["name"] = StationPasswords.V201Variable },
            }),
        }));

    private static string? StationStatus(string action, JsonElement response) => action == "ChangeConfiguration"
        ? response.TryGetProperty("status", out var status) ? status.GetString() : null
        : response.TryGetProperty("setVariableResult", out var results) && results.ValueKind == JsonValueKind.Array && results.GetArrayLength() > 0
            && results[0].TryGetProperty("attributeStatus", out var attribute) ? attribute.GetString() : null;

    private static StationCredentialsResult Invalid(string detail) => new(null, CredentialsFailure.Invalid, detail);
}
