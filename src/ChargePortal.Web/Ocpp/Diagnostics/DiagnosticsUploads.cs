using System.Security.Cryptography;
using ChargePortal.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Ocpp.Diagnostics;

/// <summary>
/// A one-time upload slot the CSMS hands a station with GetDiagnostics/GetLog. The random token in the
/// URL is the credential; the file lands in the database so any node can serve it afterwards.
/// </summary>
public sealed class DiagnosticsUpload
{
    public const int MaxBytes = 20 * 1024 * 1024;

    public int Id { get; set; }
    public required string StationId { get; set; }
    public required string Token { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The GetLog requestId the station's LogStatusNotifications name (null: a 1.6 GetDiagnostics, which has none).</summary>
    public int? RequestId { get; set; }

    /// <summary>Which log was asked for, as OCPP spells it; null on uploads requested before log types were recorded (diagnostics).</summary>
    public LogKind? LogType { get; set; }

    /// <summary>The station's latest upload status (Uploading, Uploaded, UploadFailure …), null until it reports one.</summary>
    public string? Status { get; set; }

    public List<LogStatusEntry> Statuses { get; set; } = [];
}

/// <summary>Which log a station is asked to upload.</summary>
public enum LogKind
{
    DiagnosticsLog,
    SecurityLog,
}

/// <summary>One LogStatusNotification (or 1.6 DiagnosticsStatusNotification) of an upload, in the order received.</summary>
public sealed class LogStatusEntry
{
    public long Id { get; set; }
    public int DiagnosticsUploadId { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class DiagnosticsUploads(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan SlotLifetime = TimeSpan.FromDays(2);

    public async Task<Uri> CreateSlotAsync(string stationId, Uri publicBaseUri, LogKind logType, int? requestId, CancellationToken ct)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.DiagnosticsUploads.Add(new DiagnosticsUpload
        {
            StationId = stationId,
            Token = token,
            CreatedAt = time.GetUtcNow(),
            ExpiresAt = time.GetUtcNow() + SlotLifetime,
            LogType = logType,
            RequestId = requestId,
        });
        await db.SaveChangesAsync(ct);
        return new Uri(publicBaseUri, $"uploads/diagnostics/{token}");
    }
}

public static class DiagnosticsUploadEndpoint
{
    public static IEndpointRouteBuilder MapDiagnosticsUploads(this IEndpointRouteBuilder endpoints)
    {
        // Stations PUT or POST the file, some with the file name appended to the URL they were given.
        endpoints.MapMethods("/uploads/diagnostics/{token}/{**fileName}", ["PUT", "POST"], ReceiveAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<Ok, NotFound, ProblemHttpResult>> ReceiveAsync(
        string token, string? fileName, HttpRequest request, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slot = await db.DiagnosticsUploads.FirstOrDefaultAsync(u => u.Token == token, ct);
        if (slot is null || slot.ReceivedAt is not null || slot.ExpiresAt < time.GetUtcNow())
        {
            return TypedResults.NotFound();
        }

        if (request.ContentLength > DiagnosticsUpload.MaxBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"Uploads are limited to {DiagnosticsUpload.MaxBytes} bytes.");
        }

        Stream source = request.Body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.Count > 0 ? form.Files[0] : null;
            if (file is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "The form carries no file.");
            }

            fileName ??= file.FileName;
            source = file.OpenReadStream();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > DiagnosticsUpload.MaxBytes)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"Uploads are limited to {DiagnosticsUpload.MaxBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        slot.Content = buffer.ToArray();
        slot.FileName = string.IsNullOrWhiteSpace(fileName) ? $"{slot.StationId}-diagnostics.txt" : Path.GetFileName(fileName);
        slot.ContentType = request.HasFormContentType ? "application/octet-stream" : request.ContentType ?? "application/octet-stream";
        slot.ReceivedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }
}
