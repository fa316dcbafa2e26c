using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>What the operator asks for: where the image is, when to fetch it, how often to retry.</summary>
public sealed record FirmwareRequest(string Location, DateTimeOffset RetrieveAt, int? Retries);

/// <summary>The result of scheduling: the persisted update when the station took the call, else why not.</summary>
public sealed record FirmwareScheduleResult(FirmwareUpdate? Update, string? Error);

/// <summary>One update for the timeline; <c>SignedBy</c> is the signing certificate's subject when it was a signed one.</summary>
public sealed record FirmwareUpdateView(int Id, string Location, DateTimeOffset RetrieveAt, int? Retries, DateTimeOffset RequestedAt, string RequestedBy, string Answer,
    IReadOnlyList<FirmwareStatusEntryView> Timeline, string? SignedBy = null, FirmwareJobKind Kind = FirmwareJobKind.Update, int? RequestId = null,
    string? Checksum = null);

public sealed record FirmwareStatusEntryView(string Status, DateTimeOffset At, string? Detail = null);

/// <summary>
/// Schedules firmware updates (and publications) through the station command service and keeps their record. With a
/// firmware signing certificate configured every update is a signed one (L01.FR.11): the operator's signature, or one
/// the CSMS computes over the image.
/// </summary>
public sealed partial class FirmwareService(IDbContextFactory<AppDbContext> dbFactory, StationCommandService commands, FirmwareSigner signer,
    AlertService alerts, TimeProvider time) : IStationOperationSender<UpdateFirmwareArguments>
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
        var (result, update) = await SendAsync(stationId, operation, actor, ct);
        return new FirmwareScheduleResult(update, result.Error?.Detail);
    }

    /// <summary>
    /// Sends the update (signed when the operator gave a signature or the CSMS has a signing certificate) and records it
    /// with the station's answer. A refused signing certificate is alerted at once: no status notification will follow.
    /// </summary>
    public async Task<(CommandResult<StationAnswer> Result, FirmwareUpdate? Update)> SendAsync(string stationId, UpdateFirmwareArguments operation, CommandActor actor,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(actor);
        var signing = operation.Signing;
        if (signing is null && signer.IsConfigured)
        {
            var signed = await signer.SignImageAsync(operation.Location, ct);
            if (signed.Signature is null)
            {
                return (CommandResult.Failed<StationAnswer>(CommandFailure.BadArguments, signed.Error!), null);
            }

            signing = new FirmwareSigning(signed.Signature, null);
        }

        if (signing is { SigningCertificate: null })
        {
            signing = signing with { SigningCertificate = signer.CertificatePem };
        }

        operation = operation with { Signing = signing };
        var result = await commands.ExecuteAsync(stationId, operation, actor, ct);
        if (result.Answer is null)
        {
            return (result, null);
        }

        var update = new FirmwareUpdate
        {
            StationId = stationId,
            Location = operation.Location,
            RetrieveAt = operation.RetrieveAt,
            Retries = operation.Retries,
            RequestedAt = time.GetUtcNow(),
            RequestedBy = actor.Name,
            Answer = result.Answer.StatusText,
            Signature = signing?.Signature,
            SigningCertificate = signing?.SigningCertificate,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.FirmwareUpdates.Add(update);
        await db.SaveChangesAsync(ct);
        if (FirmwareFailures.IsRefusedCertificate(result.Answer.StatusText))
        {
            await alerts.RaiseAsync(FirmwareFailures.Alert(stationId, update.Id, $"The station refused the firmware signing certificate: {result.Answer.StatusText}."), ct);
        }

        return (result, update);
    }

    /// <summary>update-firmware through the command API: signed and recorded like the firmware page's updates.</summary>
    async Task<CommandResult<StationAnswer>> IStationOperationSender<UpdateFirmwareArguments>.SendAsync(
        string stationId, UpdateFirmwareArguments operation, CommandActor actor, CancellationToken ct)
        => (await SendAsync(stationId, operation, actor, ct)).Result;

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
                [.. f.Timeline.OrderBy(e => e.Id).Select(e => new FirmwareStatusEntryView(e.Status, e.At, e.Detail))], SignedBy(f.SigningCertificate), f.Kind,
                f.RequestId, f.Checksum))];
    }

    private static string? SignedBy(string? pem)
    {
        if (pem is null)
        {
            return null;
        }

        try
        {
            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
            return certificate.Subject;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return "an unreadable certificate";
        }
    }
}
