using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Tokens;

/// <summary>
/// Partner tokens at our stations, for both OCPP versions (the station's Authorize, StartTransaction and
/// TransactionEvent all come through <see cref="TokenAuthorizer"/>): a pushed, valid token is accepted as its whitelist
/// allows; a NEVER-whitelisted or unknown one is authorized in real time at the eMSPs.
/// </summary>
public sealed class RoamingTokenAuthority(IDbContextFactory<AppDbContext> dbFactory, RoamingPartnerPresence partners, RealTimeAuthorization realTime) : IExternalTokenAuthority
{
    public async Task<AuthorizationResult?> AuthorizeAsync(string idTag, CancellationToken ct)
    {
        if (!await partners.AnyAsync(ct))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await (from t in db.Set<RoamingToken>()
                           join p in db.Set<RoamingPartner>() on t.PartnerId equals p.Id
                           where t.Uid == idTag && p.Status == RoamingPartnerStatus.Registered
                           select t).AsNoTracking().ToListAsync(ct);
        if (known.Count == 0 && db.Database.IsSqlite())
        {
            // Card readers differ in the case of hex UIDs; OCPP id tokens compare case-insensitively.
            known = await (from t in db.Set<RoamingToken>()
                           join p in db.Set<RoamingPartner>() on t.PartnerId equals p.Id
                           where EF.Functions.Collate(t.Uid, "NOCASE") == idTag && p.Status == RoamingPartnerStatus.Registered
                           select t).AsNoTracking().ToListAsync(ct);
        }
        else if (known.Count == 0 && db.Database.IsNpgsql())
        {
            var pattern = LikePattern.Exactly(idTag);
            known = await (from t in db.Set<RoamingToken>()
                           join p in db.Set<RoamingPartner>() on t.PartnerId equals p.Id
                           where EF.Functions.ILike(t.Uid, pattern, LikePattern.Escape) && p.Status == RoamingPartnerStatus.Registered
                           select t).AsNoTracking().ToListAsync(ct);
        }

        var token = known.OrderByDescending(t => t.Valid).ThenByDescending(t => t.LastUpdated).FirstOrDefault();
        if (token is { Valid: false })
        {
            return new AuthorizationResult(TokenAuthorization.Blocked, null, Parent(token.GroupId), null);
        }

        if (token is not null && (token.Whitelist != OcpiWhitelist.Never || token.PendingAuthMethod == RoamingAuthMethod.Command))
        {
            return new AuthorizationResult(TokenAuthorization.Accepted, null, Parent(token.GroupId), null);
        }

        var verdict = await realTime.AuthorizeAsync(token?.Uid ?? idTag, token?.PartnerId, ct);
        return verdict is null ? null : new AuthorizationResult(verdict.Info.Allowed switch
        {
            OcpiAllowed.Allowed => TokenAuthorization.Accepted,
            OcpiAllowed.Blocked => TokenAuthorization.Blocked,
            OcpiAllowed.Expired => TokenAuthorization.Expired,
            _ => TokenAuthorization.Invalid,
        }, null, Parent(verdict.Info.Token.GroupId), null);
    }

    /// <summary>The group id as OCPP parent id, when it fits 1.6's idTag (20 characters).</summary>
    private static string? Parent(string? groupId) => groupId is { Length: <= 20 } ? groupId : null;
}
