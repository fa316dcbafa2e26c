using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>What the operator asks a local controller to publish (L03): the image, its MD5, how to retry the download.</summary>
public sealed record FirmwarePublication(string Location, string Checksum, int? Retries, int? RetryIntervalSeconds);

public sealed partial class FirmwareService
{
    /// <summary>The problems of a publication, for the form; empty means it can be sent.</summary>
    public static IReadOnlyList<string> ValidatePublication(string? location, string? checksum, int? retries, int? retryIntervalSeconds)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(location) || !Uri.TryCreate(location.Trim(), UriKind.Absolute, out _))
        {
            errors.Add($"Give the firmware image's absolute URL (e.g. https://files.example.com/fw-2.1.bin), not \"{location}\".");
        }
        else if (location.Trim().Length > FirmwareUpdate.MaxLocationLength)
        {
            errors.Add($"The location has at most {FirmwareUpdate.MaxLocationLength} characters.");
        }

        if (!PublishFirmwareArguments.IsChecksum(checksum?.Trim()))
        {
            errors.Add("The checksum is the image's MD5 as 32 hexadecimal digits.");
        }

        if (retries is < 0 or > 100)
        {
            errors.Add($"Retries must be between 0 and 100, not {retries}.");
        }

        if (retryIntervalSeconds is < 0)
        {
            errors.Add($"The retry interval is 0 seconds or more, not {retryIntervalSeconds}.");
        }

        return errors;
    }

    /// <summary>Sends PublishFirmware and records the publication (with its request id) on the station's firmware timeline.</summary>
    public async Task<FirmwareScheduleResult> PublishAsync(string stationId, FirmwarePublication publication, CommandActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = ValidatePublication(publication.Location, publication.Checksum, publication.Retries, publication.RetryIntervalSeconds);
        if (errors.Count > 0)
        {
            return new FirmwareScheduleResult(null, string.Join(" ", errors));
        }

        var location = publication.Location.Trim();
        var operation = new PublishFirmwareArguments(location, publication.Checksum.Trim(), publication.Retries, publication.RetryIntervalSeconds);
        var result = await commands.ExecuteAsync(stationId, operation, actor, ct);
        if (result.Answer is not { } answer)
        {
            return new FirmwareScheduleResult(null, result.Error!.Detail);
        }

        var now = time.GetUtcNow();
        var update = new FirmwareUpdate
        {
            StationId = stationId,
            Kind = FirmwareJobKind.Publish,
            RequestId = answer.RequestId,
            Checksum = operation.Checksum,
            Location = location,
            RetrieveAt = now,
            Retries = publication.Retries,
            RequestedAt = now,
            RequestedBy = actor.Name,
            Answer = answer.StatusText,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.FirmwareUpdates.Add(update);
        await db.SaveChangesAsync(ct);
        return new FirmwareScheduleResult(update, null);
    }

    /// <summary>L04: stop serving the image with this checksum; the answer is Unpublished, NoFirmware or DownloadOngoing.</summary>
    public Task<CommandResult<StationAnswer>> UnpublishAsync(string stationId, string checksum, CommandActor actor, CancellationToken ct) =>
        commands.ExecuteAsync(stationId, new UnpublishFirmwareArguments(checksum), actor, ct);
}
