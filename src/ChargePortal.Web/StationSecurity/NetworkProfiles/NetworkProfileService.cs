using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity.NetworkProfiles;

/// <summary>The answer of <c>POST /api/stations/{id}/network-profiles</c>.</summary>
public sealed record NetworkProfileResultDto(
    long Id, string Status, int ConfigurationSlot, int SecurityProfile, string? Priority, string? PriorityStatus, string? ResetStatus,
    int CurrentSecurityProfile, int? PendingSecurityProfile);

/// <summary>What was asked and why nothing (more) happened, when something went wrong before the station answered.</summary>
public sealed record NetworkProfileOutcome(NetworkProfileResultDto? Result, CommandError? Error);

/// <summary>
/// Sets a connection profile on a 2.0.1 station the way A05/B09 want it: never below the station's current security
/// profile (B09.FR.04, A05 "not allowed to revert"); on Accepted the new slot goes first in
/// <c>OCPPCommCtrlr.NetworkConfigurationPriority</c> (SetVariables) and the station is reset OnIdle so it reconnects with
/// it. A higher security profile becomes the station's only once it connects on it (<see cref="SecurityProfileUpgrades"/>).
/// </summary>
public sealed class NetworkProfileService(IDbContextFactory<AppDbContext> dbFactory, StationCommandService commands, DatabaseWriteGate writeGate, TimeProvider time)
{
    public const string PriorityKey = "OCPPCommCtrlr.NetworkConfigurationPriority";

    public async Task<NetworkProfileOutcome> ChangeAsync(string stationId, NetworkProfileRequest request, CommandActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null)
        {
            return Failed(CommandFailure.UnknownStation, $"No station '{stationId}' is registered.");
        }

        if (Refusal(request.Connection.SecurityProfile, station.SecurityProfile, station.PasswordHash is not null, station.OcppVersion) is { } refusal)
        {
            return Failed(CommandFailure.BadArguments, refusal);
        }

        var priority = request.Priority;
        if (priority is null)
        {
            var read = await commands.ExecuteAsync(stationId, new GetConfigurationArguments([PriorityKey]), actor, ct);
            if (read.Error is { } readError)
            {
                return new NetworkProfileOutcome(null, readError);
            }

            priority = NewPriority(request.ConfigurationSlot, read.Answer!.Values.FirstOrDefault(v => v.Key == PriorityKey)?.Value);
        }

        var sent = await commands.ExecuteAsync(stationId, new SetNetworkProfileArguments(request.ConfigurationSlot, request.Connection), actor, ct);
        if (sent.Error is { } error)
        {
            return new NetworkProfileOutcome(null, error);
        }

        var change = Record(stationId, request, sent.Answer!.StatusText, actor);
        if (sent.Answer.Status == CommandStatus.Accepted)
        {
            change.Priority = string.Join(',', priority);
            var set = await commands.ExecuteAsync(stationId, new SetConfigurationArguments(PriorityKey, change.Priority), actor, ct);
            change.PriorityStatus = set.Outcome;
            if (set.Answer?.Status is CommandStatus.Accepted or CommandStatus.RebootRequired)
            {
                change.ResetStatus = (await commands.ExecuteAsync(stationId, new ResetArguments(ResetKind.Soft), actor, ct)).Outcome;

                // The station connects with the new profile after its reboot; only then is the higher profile its own.
                station.PendingSecurityProfile = request.Connection.SecurityProfile > station.SecurityProfile ? request.Connection.SecurityProfile : null;
            }
        }

        db.NetworkProfileChanges.Add(change);
        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        return new NetworkProfileOutcome(new NetworkProfileResultDto(change.Id, change.Status, change.ConfigurationSlot, change.SecurityProfile, change.Priority,
            change.PriorityStatus, change.ResetStatus, station.SecurityProfile, station.PendingSecurityProfile), null);
    }

    /// <summary>Why a profile may not be sent to this station, or null.</summary>
    public static string? Refusal(int newProfile, int currentProfile, bool hasPassword, OcppVersion? version)
    {
        if (version == OcppVersion.V16)
        {
            return "SetNetworkProfile exists in OCPP 2.0.1 only.";
        }

        if (newProfile < currentProfile)
        {
            return $"securityProfile {newProfile} is below the station's current security profile {currentProfile}: OCPP never lets a station go back to a lower profile (A05, B09.FR.04).";
        }

        return newProfile is 1 or 2 && !hasPassword
            ? $"Security profile {newProfile} authenticates the station with its Basic-auth password, and it has none: set one first (PATCH /api/stations/{{id}} with \"password\" or \"generatePassword\")."
            : null;
    }

    /// <summary>The new slot first, then the station's current entries (A05: the existing profile stays as the fallback).</summary>
    public static IReadOnlyList<int> NewPriority(int slot, string? current)
    {
        var slots = new List<int> { slot };
        foreach (var part in (current ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var existing) && !slots.Contains(existing))
            {
                slots.Add(existing);
            }
        }

        return slots;
    }

    public async Task<NetworkProfilesDto?> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().Where(s => s.Id == stationId)
            .Select(s => new { s.SecurityProfile, s.PendingSecurityProfile, s.OcppVersion }).FirstOrDefaultAsync(ct);
        if (station is null)
        {
            return null;
        }

        var changes = await db.NetworkProfileChanges.AsNoTracking().Where(c => c.StationId == stationId).OrderByDescending(c => c.Id).Take(50).ToListAsync(ct);
        return new NetworkProfilesDto(station.SecurityProfile, station.PendingSecurityProfile, station.OcppVersion?.DisplayName(),
            [.. changes.Select(c => new NetworkProfileChangeDto(c.Id, c.ConfigurationSlot, c.OcppVersion, c.Transport, c.CsmsUrl, c.MessageTimeoutSeconds,
                c.SecurityProfile, c.Interface, c.Apn, c.VpnServer, c.Status, c.Priority, c.PriorityStatus, c.ResetStatus, c.RequestedAt, c.RequestedBy, c.AppliedAt))]);
    }

    private NetworkProfileChange Record(string stationId, NetworkProfileRequest request, string status, CommandActor actor)
    {
        var c = request.Connection;
        return new NetworkProfileChange
        {
            StationId = stationId,
            ConfigurationSlot = request.ConfigurationSlot,
            OcppVersion = c.OcppVersion.ToString(),
            Transport = c.Transport.ToString(),
            CsmsUrl = c.CsmsUrl.AbsoluteUri,
            MessageTimeoutSeconds = c.MessageTimeoutSeconds,
            SecurityProfile = c.SecurityProfile,
            Interface = c.Interface.ToString(),
            Apn = c.Apn?.Apn,
            VpnServer = c.Vpn?.Server,
            Status = status,
            RequestedAt = time.GetUtcNow(),
            RequestedBy = actor.Name,
        };
    }

    private static NetworkProfileOutcome Failed(CommandFailure failure, string detail) => new(null, new CommandError(failure, detail));
}

/// <summary><c>GET /api/stations/{id}/network-profiles</c>: the station's security profile, a pending higher one, and the changes sent.</summary>
public sealed record NetworkProfilesDto(int SecurityProfile, int? PendingSecurityProfile, string? OcppVersion, IReadOnlyList<NetworkProfileChangeDto> Changes);

public sealed record NetworkProfileChangeDto(
    long Id, int ConfigurationSlot, string OcppVersion, string Transport, string CsmsUrl, int MessageTimeout, int SecurityProfile, string OcppInterface,
    string? Apn, string? VpnServer, string Status, string? Priority, string? PriorityStatus, string? ResetStatus, DateTimeOffset RequestedAt, string RequestedBy,
    DateTimeOffset? AppliedAt);
