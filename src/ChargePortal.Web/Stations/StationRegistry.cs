using System.Buffers;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Sites;
using ChargePortal.Web.StationSecurity;
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
public sealed class StationRegistry(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IHostEnvironment environment)
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
            ?? (request.Password is { Length: > 0 } p && (p.Length < 8 || p.Length > 40) ? "password must be 8 to 40 characters (OCPP security profile 1)." : null)
            ?? ValidateConnectors(request.Connectors)
            ?? SecurityProfileRules.Refusal(request.SecurityProfile ?? (string.IsNullOrEmpty(request.Password) ? 0 : 1),
                !string.IsNullOrEmpty(request.Password), request.AllowUnsecured ?? false, environment.IsDevelopment());
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
            FreeVend = request.FreeVend ?? false,
            CreatedAt = time.GetUtcNow(),
        };
        foreach (var c in request.Connectors ?? [])
        {
            station.Connectors.Add(new Connector { StationId = station.Id, EvseId = c.EvseId ?? c.ConnectorId, ConnectorId = c.ConnectorId, Type = c.Type, MaxPowerW = c.MaxPowerW });
        }

        if (!string.IsNullOrEmpty(request.Password))
        {
            station.PasswordHash = Hasher.HashPassword(station, request.Password);
        }

        station.SecurityProfile = request.SecurityProfile ?? (station.PasswordHash is null ? 0 : 1);
        station.AllowUnsecured = request.AllowUnsecured ?? false;

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

    /// <summary>Connector ids count from 1, once per EVSE; power is what one connector can deliver.</summary>
    public static string? ValidateConnectors(IReadOnlyList<RegisterConnectorRequest>? connectors)
    {
        if (connectors is null)
        {
            return null;
        }

        if (connectors.Count > 32)
        {
            return "a station may have at most 32 connectors.";
        }

        for (var i = 0; i < connectors.Count; i++)
        {
            var c = connectors[i];
            if (c is null)
            {
                return $"connectors[{i}] is empty.";
            }

            if (c.ConnectorId < 1 || c.EvseId is < 1)
            {
                return $"connectors[{i}]: connector and EVSE ids start at 1.";
            }

            if (!Enum.IsDefined(c.Type))
            {
                return $"connectors[{i}]: unknown connector type.";
            }

            if (c.MaxPowerW is < 1 or > 1_000_000)
            {
                return $"connectors[{i}]: maximum power must be between 1 W and 1000 kW.";
            }
        }

        var duplicate = connectors.GroupBy(c => (c.EvseId ?? c.ConnectorId, c.ConnectorId)).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"connector {duplicate.Key.ConnectorId} appears more than once.";
    }

    /// <summary>The operator list: filter, sort and page in the database, then load connectors for that page only.</summary>
    public async Task<StationPage> QueryAsync(SiteScope scope, StationQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db, scope).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim();
            query = query.Where(s => s.Id.Contains(term) || s.Name.Contains(term));
        }

        if (q.ConnectorStatus is { } status)
        {
            query = query.Where(s => s.Connectors.Any(c => c.Status == status));
        }

        if (q.SiteId is { } siteId)
        {
            query = query.Where(s => s.SiteId == siteId);
        }

        if (q.Online is { } online)
        {
            query = query.Where(s => s.IsOnline == online);
        }

        query = q.OcppVersion switch
        {
            null or "" => query,
            "none" => query.Where(s => s.OcppVersion == null),
            "1.6" => query.Where(s => s.OcppVersion == OcppVersion.V16),
            "2.0.1" => query.Where(s => s.OcppVersion == OcppVersion.V201),
            _ => query.Where(_ => false),
        };

        var total = await query.CountAsync(ct);
        query = (q.Sort, q.Descending) switch
        {
            (StationSort.Name, false) => query.OrderBy(s => s.Name).ThenBy(s => s.Id),
            (StationSort.Name, true) => query.OrderByDescending(s => s.Name).ThenBy(s => s.Id),
            (StationSort.Site, false) => query.OrderBy(s => s.Site!.Name).ThenBy(s => s.Id),
            (StationSort.Site, true) => query.OrderByDescending(s => s.Site!.Name).ThenBy(s => s.Id),
            (StationSort.OcppVersion, false) => query.OrderBy(s => s.OcppVersion).ThenBy(s => s.Id),
            (StationSort.OcppVersion, true) => query.OrderByDescending(s => s.OcppVersion).ThenBy(s => s.Id),
            (StationSort.Online, false) => query.OrderBy(s => s.IsOnline).ThenBy(s => s.Id),
            (StationSort.Online, true) => query.OrderByDescending(s => s.IsOnline).ThenBy(s => s.Id),
            (StationSort.LastSeen, false) => query.OrderBy(s => s.LastSeenAt).ThenBy(s => s.Id),
            (StationSort.LastSeen, true) => query.OrderByDescending(s => s.LastSeenAt).ThenBy(s => s.Id),
            (_, true) => query.OrderByDescending(s => s.Id),
            _ => query.OrderBy(s => s.Id),
        };
        var page = await query.Skip(Math.Max(0, q.Skip)).Take(Math.Clamp(q.Take, 1, StationQuery.MaxPageSize))
            .Include(s => s.Site).Include(s => s.Connectors).AsSplitQuery().ToListAsync(ct);
        return new StationPage([.. page.Select(ToDto)], total);
    }

    /// <summary>The sites a caller may file stations under or filter by.</summary>
    public async Task<IReadOnlyList<SiteOption>> SitesAsync(SiteScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sites = scope.AllSites ? db.Sites : db.Sites.Where(s => scope.SiteIds.Contains(s.Id));
        return await sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new SiteOption(s.Id, s.Name)).ToListAsync(ct);
    }

    public static bool VerifyPassword(Station station, string password) => StationPasswords.Verify(station, password);

    /// <summary>Stations the scope may see, by id, one page of them with the number matching the filters.</summary>
    public async Task<StationPage> ListAsync(SiteScope scope, bool? online, int? siteId, int skip, int take, CancellationToken ct = default)
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

        var total = await query.CountAsync(ct);
        var stations = await query.OrderBy(s => s.Id).Skip(Math.Max(0, skip)).Take(Math.Max(1, take))
            .Include(s => s.Site).Include(s => s.Connectors).AsNoTracking().AsSplitQuery().ToListAsync(ct);
        return new StationPage([.. stations.Select(ToDto)], total);
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
