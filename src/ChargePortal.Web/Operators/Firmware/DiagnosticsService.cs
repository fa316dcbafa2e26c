using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>One status the station reported for a log upload.</summary>
public sealed record LogStatusView(string Status, DateTimeOffset At);

/// <summary>
/// A log a station was asked to upload: requested, the statuses it reported (<see cref="Statuses"/>, oldest first), and
/// received once <see cref="ReceivedAt"/> is set. <c>GET /api/stations/{id}/logs</c> lists these.
/// </summary>
public sealed record DiagnosticsFileView(
    int Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReceivedAt,
    string? FileName,
    long SizeBytes,
    LogKind LogType = LogKind.DiagnosticsLog,
    int? RequestId = null,
    string? Status = null,
    IReadOnlyList<LogStatusView>? Statuses = null);

/// <summary>Asks stations for diagnostics / logs and lists what they uploaded.</summary>
public sealed class DiagnosticsService(IDbContextFactory<AppDbContext> dbFactory, StationCommandService commands)
{
    public static string? Validate(DateTimeOffset? from, DateTimeOffset? to)
        => from is { } f && to is { } t && f > t ? "The end of the period comes before its start." : null;

    /// <summary>Sends get-diagnostics (1.6 GetDiagnostics, 2.0.1 GetLog); the command service creates the upload slot.</summary>
    public async Task<CommandResult<StationAnswer>> RequestAsync(string stationId, DateTimeOffset? from, DateTimeOffset? to, CommandActor actor, Uri publicBaseUri,
        CancellationToken ct, LogKind logType = LogKind.DiagnosticsLog)
    {
        if (Validate(from, to) is { } error)
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.BadArguments, error);
        }

        var operation = new GetDiagnosticsArguments(from?.ToUniversalTime(), to?.ToUniversalTime(), logType);
        return await commands.ExecuteAsync(stationId, operation, actor, publicBaseUri, ct);
    }

    public async Task<IReadOnlyList<DiagnosticsFileView>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DiagnosticsUploads.AsNoTracking()
            .Where(u => u.StationId == stationId)
            .Select(u => new DiagnosticsFileView(u.Id, u.CreatedAt, u.ReceivedAt, u.FileName, u.Content == null ? 0 : u.Content.Length,
                u.LogType ?? LogKind.DiagnosticsLog, u.RequestId, u.Status, u.Statuses.OrderBy(e => e.Id).Select(e => new LogStatusView(e.Status, e.At)).ToList()))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)];
    }
}

/// <summary>
/// <c>GET /operator/stations/{id}/diagnostics/{uploadId}</c>: operators download what a station uploaded;
/// <c>GET /api/stations/{id}/logs</c>: the log requests of a station with their status timelines.
/// </summary>
public static class DiagnosticsDownloadEndpoint
{
    public static IEndpointRouteBuilder MapDiagnosticsDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/stations", "Logs")
            .MapGet("/{id}/logs", ListLogsAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Log uploads requested from the station (get-diagnostics), newest first, each with the statuses the station reported.");

        // Cookie-authenticated like the pages that link here; an anonymous browser is sent to the sign-in page.
        endpoints.MapGet("/operator/stations/{id}/diagnostics/{uploadId:int}", DownloadAsync)
            .RequireAuthorization(Policies.Operator)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<DiagnosticsFileView>>, ProblemHttpResult>> ListLogsAsync(
        string id, DiagnosticsService diagnostics, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok(await diagnostics.ListAsync(id, ct));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(string id, int uploadId, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // The station id is part of the lookup: an upload id of another station is simply not found.
        var upload = await db.DiagnosticsUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == uploadId && u.StationId == id, ct);
        return upload is { Content: { } content, ReceivedAt: not null }
            ? TypedResults.File(content, upload.ContentType ?? "application/octet-stream", upload.FileName ?? $"{id}-diagnostics-{uploadId}")
            : TypedResults.NotFound();
    }
}
