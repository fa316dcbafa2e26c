using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Partners;

/// <summary>A new partner and the token A to hand over to it (shown once, stored only as a hash).</summary>
public sealed record CreatedPartner(int Id, string TokenA);

/// <summary>A partner as operators see it.</summary>
public sealed record PartnerView(
    int Id,
    string Name,
    string CountryCode,
    string PartyId,
    RoamingRole Role,
    RoamingPartnerStatus Status,
    string? VersionsUrl,
    string? Version,
    IReadOnlyList<OcpiEndpoint> Endpoints,
    bool PublishAllSites,
    IReadOnlyList<int> PublishedSiteIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RegisteredAt,
    string? LastHandshakeError,
    IReadOnlyList<ModuleActivityView> Modules,
    int QueuedPushes);

public sealed record ModuleActivityView(string Module, DateTimeOffset? LastPushAt, DateTimeOffset? LastPushErrorAt, string? LastPushError, DateTimeOffset? LastPullAt);

/// <summary>Registering, listing, suspending partners and choosing what each sees.</summary>
public sealed class RoamingPartners(IDbContextFactory<AppDbContext> dbFactory, RoamingPartnerPresence presence, TimeProvider time)
{
    public static string? Validate(string? name, string? countryCode, string? partyId) =>
        new OcpiChecks()
            .Required("name", name, RoamingPartner.MaxNameLength)
            .CountryCode("countryCode", countryCode)
            .PartyId("partyId", partyId)
            .Error;

    public async Task<CreatedPartner> CreateAsync(string name, string countryCode, string partyId, RoamingRole role, CancellationToken ct)
    {
        var tokenA = OcpiTokens.Generate();
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partner = new RoamingPartner
        {
            Name = name.Trim(),
            CountryCode = countryCode.ToUpperInvariant(),
            PartyId = partyId.ToUpperInvariant(),
            Role = role,
            InboundTokenHash = OcpiTokens.Hash(tokenA),
            InboundTokenIsRegistrationToken = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(partner);
        await db.SaveChangesAsync(ct);
        presence.Changed();
        return new CreatedPartner(partner.Id, tokenA);
    }

    public async Task<List<PartnerView>> ListAsync(CancellationToken ct, int? id = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partners = await db.Set<RoamingPartner>().AsNoTracking().Include(p => p.PublishedSites)
            .Where(p => id == null || p.Id == id).OrderBy(p => p.Name).ToListAsync(ct);
        var ids = partners.Select(p => p.Id).ToList();
        var activity = await db.Set<RoamingModuleActivity>().AsNoTracking().Where(a => ids.Contains(a.PartnerId)).ToListAsync(ct);
        var queued = await db.Set<Outbox.RoamingOutboxMessage>().Where(m => ids.Contains(m.PartnerId))
            .GroupBy(m => m.PartnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. partners.Select(p => new PartnerView(p.Id, p.Name, p.CountryCode, p.PartyId, p.Role, p.Status, p.VersionsUrl, p.Version,
            PartnerParties.Endpoints(p), p.PublishAllSites, [.. p.PublishedSites.Select(s => s.SiteId).Order()], p.CreatedAt, p.RegisteredAt,
            p.LastHandshakeError,
            [.. activity.Where(a => a.PartnerId == p.Id).OrderBy(a => a.Module, StringComparer.Ordinal)
                .Select(a => new ModuleActivityView(a.Module, a.LastPushAt, a.LastPushErrorAt, a.LastPushError, a.LastPullAt))],
            queued.GetValueOrDefault(p.Id)))];
    }

    /// <summary>Suspends or resumes a registered partner; false when the partner is not in a state that allows it.</summary>
    public async Task<bool> SetSuspendedAsync(int id, bool suspended, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = suspended
            ? (RoamingPartnerStatus.Registered, RoamingPartnerStatus.Suspended)
            : (RoamingPartnerStatus.Suspended, RoamingPartnerStatus.Registered);
        var now = time.GetUtcNow();
        return await db.Set<RoamingPartner>().Where(p => p.Id == id && p.Status == from)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, to).SetProperty(p => p.UpdatedAt, now), ct) > 0;
    }

    /// <summary>The partner withdrew our credentials (DELETE on our credentials endpoint).</summary>
    public async Task ForgetCredentialsAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partner = await db.Set<RoamingPartner>().SingleAsync(p => p.Id == id, ct);
        CredentialsHandshake.MarkUnregistered(partner, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Which sites the partner sees: all, or the listed ones. Unknown site ids are refused.</summary>
    public async Task<string?> SetPublishedSitesAsync(int id, bool all, IReadOnlyCollection<int> siteIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partner = await db.Set<RoamingPartner>().Include(p => p.PublishedSites).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return $"No roaming partner {id}.";
        }

        var known = await db.Sites.Where(s => siteIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (siteIds.Except(known).ToList() is { Count: > 0 } unknown)
        {
            return $"No site {string.Join(", ", unknown)}.";
        }

        partner.PublishAllSites = all;
        partner.PublishedSites.Clear();
        partner.PublishedSites.AddRange(known.Distinct().Select(s => new RoamingPartnerSite { PartnerId = id, SiteId = s }));
        partner.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>True when the partner sees the site (all sites, or this one chosen).</summary>
    public static bool Publishes(RoamingPartner partner, int siteId) =>
        partner.PublishAllSites || partner.PublishedSites.Any(s => s.SiteId == siteId);
}
