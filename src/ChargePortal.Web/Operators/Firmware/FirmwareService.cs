using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>What the operator asks for: where the image is, when to fetch it, how often to retry.</summary>
public sealed record FirmwareRequest(string Location, DateTimeOffset RetrieveAt, int? Retries);

/// <summary>The result of scheduling: the persisted update when the station took the call, else why not.</summary>
public sealed record FirmwareScheduleResult(FirmwareUpdate? Update, string? Error);

public sealed record FirmwareUpdateView(int Id, string Location, DateTimeOffset RetrieveAt, int? Retries, DateTimeOffset RequestedAt, string RequestedBy, string Answer,
    IReadOnlyList<FirmwareStatusEntryView> Timeline, FirmwareJobKind Kind = FirmwareJobKind.Update, int? RequestId = null, string? Checksum = null);

public sealed record FirmwareStatusEntryView(string Status, DateTimeOffset At, string? Detail = null);

/// <summary>Schedules firmware updates (and publications) through the station command service and keeps their record.</summary>
public sealed partial class FirmwareService(IDbContextFactory<AppDbContext> dbFactory, StationCommandService commands, TimeProvider time)
{
    private static readonly string[] Schemes = ["http", "https", "ftp", "ftps", "sftp"];

    /// <summary>The problems of a request, for the form; empty means it can be sent.</summary>
    public static IReadOnlyList<string> Validate(string? location, DateTimeOffset? retrieveAt, int? retries)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(location))
        {
            errors.Add("Give the firmware image's URL.");
        }
        else if (!Uri.TryCreate(location.Trim(), UriKind.Absolute, out var uri) || !Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"The location must be an absolute http, https or ftp URL (e.g. https://files.example.com/fw-2.1.bin), not \"{location}\".");
        }
        else if (location.Trim().Length > FirmwareUpdate.MaxLocationLength)
        {
            errors.Add($"The location has at most {FirmwareUpdate.MaxLocationLength} characters.");
        }

        if (retrieveAt is null)
        {
            errors.Add("Give the time the station should fetch the image.");
        }

        if (retries is < 0 or > 100)
        {
            errors.Add($"Retries must be between 0 and 100, not {retries}.");
        }

        return errors;
    }

    public async Task<FirmwareScheduleResult> ScheduleAsync(string stationId, FirmwareRequest request, CommandActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = Validate(request.Location, request.RetrieveAt, request.Retries);
        if (errors.Count > 0)
        {
            return new FirmwareScheduleResult(null, string.Join(" ", errors));
        }

        var operation = new UpdateFirmwareArguments(request.Location.Trim(), request.RetrieveAt.ToUniversalTime(), request.Retries);
        var result = await commands.ExecuteAsync(stationId, operation, actor, ct);
        if (result.Answer is null)
        {
            return new FirmwareScheduleResult(null, result.Error!.Detail);
        }

        var update = new FirmwareUpdate
        {
            StationId = stationId,
            Location = request.Location.Trim(),
            RetrieveAt = request.RetrieveAt.ToUniversalTime(),
            Retries = request.Retries,
            RequestedAt = time.GetUtcNow(),
            RequestedBy = actor.Name,
            Answer = result.Answer.StatusText,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.FirmwareUpdates.Add(update);
        await db.SaveChangesAsync(ct);
        return new FirmwareScheduleResult(update, null);
    }

    /// <summary>The station's updates, newest first, each with its timeline in order.</summary>
    public async Task<IReadOnlyList<FirmwareUpdateView>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updates = await db.FirmwareUpdates.AsNoTracking()
            .Where(f => f.StationId == stationId)
            .Include(f => f.Timeline)
            .ToListAsync(ct);

        // Sorted in memory: SQLite stores DateTimeOffset as binary and cannot order by it in every query shape.
        return [.. updates
            .OrderByDescending(f => f.RequestedAt).ThenByDescending(f => f.Id)
            .Select(f => new FirmwareUpdateView(f.Id, f.Location, f.RetrieveAt, f.Retries, f.RequestedAt, f.RequestedBy, f.Answer,
                [.. f.Timeline.OrderBy(e => e.Id).Select(e => new FirmwareStatusEntryView(e.Status, e.At, e.Detail))], f.Kind, f.RequestId, f.Checksum))];
    }
}
