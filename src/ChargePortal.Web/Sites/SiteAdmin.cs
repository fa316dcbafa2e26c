using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Sites;

public sealed record SiteSummary(int Id, string Name);

public sealed record SiteListItem(int Id, string Name, string Address, string City, string CountryCode, double Latitude, double Longitude,
    string TimeZoneId, int? MaxPowerW, int Stations, IReadOnlyList<string> OwnerEmails, bool FreeVend = false,
    RfidBillingPolicy RfidBilling = RfidBillingPolicy.PostPaid);

/// <summary>
/// What an operator edits about a site. Owner emails must belong to users with the SiteOwner role. <paramref name="FreeVend"/>:
/// stations there accept 2.0.1 starts without authorisation (NoAuthorization), priced at nothing. <paramref name="RfidBilling"/>:
/// how sessions started with a driver's RFID card are paid for there.
/// </summary>
public sealed record SiteEdit(string? Name, string? Address, string? City, string? CountryCode, double? Latitude, double? Longitude,
    string? TimeZoneId, int? MaxPowerW, IReadOnlyList<string> OwnerEmails, bool FreeVend = false, RfidBillingPolicy RfidBilling = RfidBillingPolicy.PostPaid);

public sealed record SiteSaveResult(bool Saved, string? Error, int? Id = null);

/// <summary>Creating and editing sites and who owns them (operators), and the site lists the pages offer.</summary>
public sealed class SiteAdmin(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<SiteSummary>> ListNamesAsync(SiteScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Sites.AsNoTracking();
        if (!scope.AllSites)
        {
            query = query.Where(s => scope.SiteIds.Contains(s.Id));
        }

        return await query.OrderBy(s => s.Name).Select(s => new SiteSummary(s.Id, s.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SiteListItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id, s.Name, s.Address, s.City, s.CountryCode, s.Latitude, s.Longitude, s.TimeZoneId, s.MaxPowerW, s.FreeVend, s.RfidBilling,
                Stations = s.Stations.Count,
                Owners = s.Owners.Select(o => o.User!.Email).ToList(),
            })
            .ToListAsync(ct);
        return [.. sites.Select(s => new SiteListItem(s.Id, s.Name, s.Address, s.City, s.CountryCode, s.Latitude, s.Longitude,
            s.TimeZoneId, s.MaxPowerW, s.Stations, [.. s.Owners.Where(e => e is not null).Select(e => e!).Order(StringComparer.OrdinalIgnoreCase)], s.FreeVend, s.RfidBilling))];
    }

    /// <summary>Emails of users who may be made site owners.</summary>
    public async Task<IReadOnlyList<string>> OwnerCandidatesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OwnerUsers(db).Where(u => u.Email != null).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(ct);
    }

    public static string? Validate(SiteEdit edit)
    {
        if (string.IsNullOrWhiteSpace(edit.Name))
        {
            return "Name is required.";
        }

        if (edit.Name.Trim().Length > 120)
        {
            return "Name must be at most 120 characters.";
        }

        if (edit.Address?.Length > 250 || edit.City?.Length > 120)
        {
            return "Address must be at most 250 characters and city at most 120.";
        }

        if (!string.IsNullOrEmpty(edit.CountryCode) && (edit.CountryCode.Length != 2 || !edit.CountryCode.All(char.IsAsciiLetter)))
        {
            return "Country code must be two letters (ISO 3166-1 alpha-2), e.g. NL.";
        }

        if (edit.Latitude is not { } lat || double.IsNaN(lat) || lat < -90 || lat > 90)
        {
            return "Latitude must be between -90 and 90.";
        }

        if (edit.Longitude is not { } lng || double.IsNaN(lng) || lng < -180 || lng > 180)
        {
            return "Longitude must be between -180 and 180.";
        }

        if (string.IsNullOrWhiteSpace(edit.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(edit.TimeZoneId.Trim(), out _))
        {
            return $"'{edit.TimeZoneId}' is not a known time zone; use an IANA id such as Europe/Amsterdam.";
        }

        if (!Enum.IsDefined(edit.RfidBilling))
        {
            return "RFID billing must be PostPaid, Free or OperatorInvoiced.";
        }

        return edit.MaxPowerW is { } max && (max <= 0 || max > 100_000_000)
            ? "Maximum power must be a positive number of watts (at most 100 MW), or empty for no limit."
            : null;
    }

    /// <summary>Creates a site (id null) or updates one; nothing is changed when validation fails.</summary>
    public async Task<SiteSaveResult> SaveAsync(int? id, SiteEdit edit, CancellationToken ct)
    {
        if (Validate(edit) is { } error)
        {
            return new(false, error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var emails = edit.OwnerEmails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
        var owners = await OwnerUsers(db).Where(u => normalized.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var missing = emails.Where(e => owners.All(o => !string.Equals(o.NormalizedEmail, e, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            return new(false, $"Not a site-owner user: {string.Join(", ", missing)}.");
        }

        Site site;
        if (id is { } existing)
        {
            var found = await db.Sites.Include(s => s.Owners).FirstOrDefaultAsync(s => s.Id == existing, ct);
            if (found is null)
            {
                return new(false, $"Site {existing} does not exist.");
            }

            site = found;
        }
        else
        {
            site = new Site { Name = "" };
            db.Sites.Add(site);
        }

        site.Name = edit.Name!.Trim();
        site.Address = edit.Address?.Trim() ?? "";
        site.City = edit.City?.Trim() ?? "";
        site.CountryCode = edit.CountryCode?.Trim().ToUpperInvariant() ?? "";
        site.Latitude = edit.Latitude!.Value;
        site.Longitude = edit.Longitude!.Value;
        site.TimeZoneId = edit.TimeZoneId!.Trim();
        site.MaxPowerW = edit.MaxPowerW;
        var changedOwners = site.Owners.Select(o => o.UserId).ToHashSet(StringComparer.Ordinal);
        changedOwners.SymmetricExceptWith(owners.Select(u => u.Id));
        site.FreeVend = edit.FreeVend;
        site.RfidBilling = edit.RfidBilling;
        site.Owners.RemoveAll(o => owners.All(u => u.Id != o.UserId));
        foreach (var owner in owners.Where(u => site.Owners.All(o => o.UserId != u.Id)))
        {
            site.Owners.Add(new SiteOwnership { UserId = owner.Id });
        }

        // Owners gained or lost a site: their open sessions re-authenticate (and see the new set of sites).
        foreach (var user in await db.Users.Where(u => changedOwners.Contains(u.Id)).ToListAsync(ct))
        {
            SecurityStamps.Rotate(user);
        }

        await db.SaveChangesAsync(ct);
        return new(true, null, site.Id);
    }

    private static IQueryable<ApplicationUser> OwnerUsers(AppDbContext db) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.SiteOwner
        select u;
}
