using System.Text.Json;
using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Stations.Provisioning;

public enum StationPatchOutcome
{
    Updated,
    UnknownStation,
    Invalid,
}

/// <summary>A station's settings as <c>PATCH /api/stations/{id}</c> answers them.</summary>
public sealed record StationSettingsDto(string Id, string Name, int? SiteId, StationRegistrationStatus RegistrationStatus, int SecurityProfile);

public sealed record StationPatchResult(StationPatchOutcome Outcome, StationSettingsDto? Station = null, IReadOnlyList<string>? Errors = null);

/// <summary>
/// Applies an operator's change to a station's settings, all or nothing. A registration change takes effect at once for
/// what the station may send; a connected station accepted after Pending is asked to boot again (TriggerMessage
/// BootNotification) so that it learns it is accepted.
/// </summary>
public sealed class StationEditor(
    IDbContextFactory<AppDbContext> dbFactory,
    RegistrationGate registration,
    IStationCallRouter router,
    IServiceProvider services,
    IStationEventPublisher events,
    AuditLog audit,
    TimeProvider time,
    ILogger<StationEditor> logger)
{
    public async Task<StationRegistrationStatus?> RegistrationOfAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.Where(s => s.Id == stationId).Select(s => (StationRegistrationStatus?)s.RegistrationStatus).FirstOrDefaultAsync(ct);
    }

    /// <summary>The console's registration buttons: the same change as <c>PATCH {"registrationStatus": …}</c>, audited as such.</summary>
    public async Task<string?> SetRegistrationAsync(string stationId, StationRegistrationStatus status, CommandActor actor, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["registrationStatus"] = status.ToString() });
        var result = await PatchAsync(stationId, body, actor, ct);
        return result.Outcome == StationPatchOutcome.Updated ? null : string.Join(" ", result.Errors ?? ["The change was refused."]);
    }

    public async Task<StationPatchResult> PatchAsync(string stationId, JsonElement? body, CommandActor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null)
        {
            return new StationPatchResult(StationPatchOutcome.UnknownStation, Errors: [$"No station '{stationId}' is registered."]);
        }

        var (patch, errors) = StationPatch.Parse(body);
        if (patch is { HasSiteId: true, SiteId: { } siteId } && !await db.Sites.AnyAsync(s => s.Id == siteId, ct))
        {
            errors = [$"siteId: there is no site {siteId}."];
            patch = null;
        }

        if (patch is null)
        {
            return new StationPatchResult(StationPatchOutcome.Invalid, Errors: errors);
        }

        var previousStatus = station.RegistrationStatus;
        station.Name = patch.Name ?? station.Name;
        station.SiteId = patch.HasSiteId ? patch.SiteId : station.SiteId;
        station.RegistrationStatus = patch.RegistrationStatus ?? station.RegistrationStatus;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.Name, actor.UserId, "update-station", stationId, body?.GetRawText(), "Updated", ct);

        if (station.RegistrationStatus != previousStatus)
        {
            registration.Set(stationId, station.RegistrationStatus);
            events.Publish(new StationNotification(stationId, time.GetUtcNow(), RegistrationGate.NotificationKind, station.RegistrationStatus.ToString()));
            if (station.RegistrationStatus == StationRegistrationStatus.Accepted && await router.FindAsync(stationId, ct) is not null)
            {
                _ = Task.Run(() => AskToBootAgainAsync(stationId, actor), CancellationToken.None);
            }
        }

        return new StationPatchResult(StationPatchOutcome.Updated,
            new StationSettingsDto(station.Id, station.Name, station.SiteId, station.RegistrationStatus, station.SecurityProfile));
    }

    private async Task AskToBootAgainAsync(string stationId, CommandActor actor)
    {
        try
        {
            var payload = JsonSerializer.SerializeToElement(new { requestedMessage = "BootNotification" });
            var result = await services.GetRequiredService<StationCommandService>().CallRawAsync(stationId, "TriggerMessage", payload, actor, CancellationToken.None);
            if (result.Failure is not null)
            {
                logger.LogInformation("{StationId} accepted, but TriggerMessage(BootNotification) failed: {Detail}", stationId, result.Detail);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "{StationId} accepted, but TriggerMessage(BootNotification) failed", stationId);
        }
    }
}
