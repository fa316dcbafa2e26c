using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>An upload slot of a station: requested, and received once <see cref="ReceivedAt"/> is set.</summary>
public sealed record DiagnosticsFileView(int Id, DateTimeOffset CreatedAt, DateTimeOffset? ReceivedAt, string? FileName, long SizeBytes);

/// <summary>Asks stations for diagnostics / logs and lists what they uploaded.</summary>
public sealed class DiagnosticsService(IDbContextFactory<AppDbContext> dbFactory, StationCommandService commands)
{
    public static string? Validate(DateTimeOffset? from, DateTimeOffset? to)
        => from is { } f && to is { } t && f > t ? "The end of the period comes before its start." : null;

    /// <summary>Sends get-diagnostics (1.6 GetDiagnostics, 2.0.1 GetLog); the command service creates the upload slot.</summary>
    public async Task<CommandResult<StationAnswer>> RequestAsync(string stationId, DateTimeOffset? from, DateTimeOffset? to, CommandActor actor, Uri publicBaseUri, CancellationToken ct)
    {
        if (Validate(from, to) is { } error)
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.BadArguments, error);
        }

        var operation = new GetDiagnosticsArguments(from?.ToUniversalTime(), to?.ToUniversalTime());
        return await commands.ExecuteAsync(stationId, operation, actor, publicBaseUri, ct);
    }

    public async Task<IReadOnlyList<DiagnosticsFileView>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DiagnosticsUploads.AsNoTracking()
            .Where(u => u.StationId == stationId)
            .Select(u => new DiagnosticsFileView(u.Id, u.CreatedAt, u.ReceivedAt, u.FileName, u.Content == null ? 0 : u.Content.Length))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)];
    }
}

/// <summary><c>GET /operator/stations/{id}/diagnostics/{uploadId}</c>: operators download what a station uploaded.</summary>
public static class DiagnosticsDownloadEndpoint
{
    public static IEndpointRouteBuilder MapDiagnosticsDownloads(this IEndpointRouteBuilder endpoints)
    {
        // Cookie-authenticated like the pages that link here; an anonymous browser is sent to the sign-in page.
        endpoints.MapGet("/operator/stations/{id}/diagnostics/{uploadId:int}", DownloadAsync)
            .RequireAuthorization(Policies.Operator)
            .ExcludeFromDescription();
        return endpoints;
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
