using System.Buffers;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Stations;

public enum RegisterStationOutcome
{
    Created,
    AlreadyExists,
    Invalid,
}

public sealed record RegisterStationResult(RegisterStationOutcome Outcome, string? Error = null);

/// <summary>Registration and look-up of stations, scoped by what the caller may see.</summary>
public sealed class StationRegistry(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    // Characters a charge point identity may carry in a URL path segment without ambiguity.
    private static readonly SearchValues<char> AllowedIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:*+|@");

    private static readonly PasswordHasher<Station> Hasher = new();

    public static string? ValidateId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "id is required.";
        }

        if (id.Length > Station.MaxIdLength)
        {
            return $"id must be at most {Station.MaxIdLength} characters.";
        }

        return id.AsSpan().ContainsAnyExcept(AllowedIdChars)
            ? "id may contain only letters, digits and - _ . : * + | @."
            : null;
    }

    public async Task<RegisterStationResult> RegisterAsync(RegisterStationRequest request, CancellationToken ct = default)
    {
        var error = ValidateId(request.Id)
            ?? (request.Name is { Length: > 120 } ? "name must be at most 120 characters." : null)
            ?? (request.Password is { } p && (p.Length < 8 || p.Length > 40) ? "password must be 8 to 40 characters (OCPP security profile 1)." : null);
        if (error is not null)
        {
            return new(RegisterStationOutcome.Invalid, error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (request.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId, ct))
        {
            return new(RegisterStationOutcome.Invalid, $"site {siteId} does not exist.");
        }

        if (await db.Stations.AnyAsync(s => s.Id == request.Id, ct))
        {
            return new(RegisterStationOutcome.AlreadyExists, $"station '{request.Id}' is already registered.");
        }

        var station = new Station
        {
            Id = request.Id!,
            Name = string.IsNullOrWhiteSpace(request.Name) ? request.Id! : request.Name.Trim(),
            SiteId = request.SiteId,
            CreatedAt = time.GetUtcNow(),
        };
        if (!string.IsNullOrEmpty(request.Password))
        {
            station.PasswordHash = Hasher.HashPassword(station, request.Password);
            station.SecurityProfile = 1;
        }

        db.Stations.Add(station);
        try
        {
            await db.SaveChangesAsync(ct);
            return new(RegisterStationOutcome.Created);
        }
        catch (DbUpdateException)
        {
            // Most likely lost a race with a concurrent registration of the same id.
            if (await StationExistsAsync(request.Id!, ct))
            {
                return new(RegisterStationOutcome.AlreadyExists, $"station '{request.Id}' is already registered.");
            }

            throw;
        }
    }

    public static bool VerifyPassword(Station station, string password) =>
        station.PasswordHash is not null
        && Hasher.VerifyHashedPassword(station, station.PasswordHash, password) != PasswordVerificationResult.Failed;

    public async Task<IReadOnlyList<StationDto>> ListAsync(SiteScope scope, bool? online, int? siteId, int? skip, int? take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db, scope);
        if (online is { } o)
        {
            query = query.Where(s => s.IsOnline == o);
        }

        if (siteId is { } sid)
        {
            query = query.Where(s => s.SiteId == sid);
        }

        query = query.OrderBy(s => s.Id);
        if (skip is not null || take is not null)
        {
            query = query.Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 100, 1, 1000));
        }

        var stations = await query.Include(s => s.Site).Include(s => s.Connectors).AsNoTracking().AsSplitQuery().ToListAsync(ct);
        return [.. stations.Select(ToDto)];
    }

    public async Task<StationDetailDto?> FindAsync(SiteScope scope, string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await Visible(db, scope).Include(s => s.Site).Include(s => s.Connectors).AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (station is null)
        {
            return null;
        }

        var recent = await db.Transactions.AsNoTracking().Where(t => t.StationId == id)
            .OrderByDescending(t => t.StartedAt).Take(20)
            .Select(t => new RecentTransactionDto(t.OcppTransactionId, t.ConnectorId, t.IdTag, t.StartedAt, t.StoppedAt, t.EnergyWh, t.Status.ToString()))
            .ToListAsync(ct);
        return new StationDetailDto(ToDto(station), recent);
    }

    private async Task<bool> StationExistsAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.AnyAsync(s => s.Id == id, ct);
    }

    private static IQueryable<Station> Visible(AppDbContext db, SiteScope scope) =>
        scope.AllSites ? db.Stations : db.Stations.Where(s => s.SiteId != null && scope.SiteIds.Contains(s.SiteId.Value));

    internal static StationDto ToDto(Station s) => new(
        s.Id,
        s.Name,
        s.SiteId,
        s.Site?.Name,
        s.OcppVersion?.DisplayName(),
        s.IsOnline,
        s.LastSeenAt,
        s.Vendor,
        s.Model,
        s.FirmwareVersion,
        [.. s.Connectors.OrderBy(c => c.EvseId).ThenBy(c => c.ConnectorId)
            .Select(c => new ConnectorDto(c.EvseId, c.ConnectorId, c.Type, c.MaxPowerW, c.Status, c.ErrorCode))]);
}
