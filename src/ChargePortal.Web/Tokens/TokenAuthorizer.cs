using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tokens;

public enum TokenAuthorization
{
    Accepted,
    Blocked,
    Expired,

    /// <summary>No such token.</summary>
    Invalid,

    /// <summary>A start without a token (free vend) where the station and its site do not offer it.</summary>
    FreeVendNotOffered,
}

/// <remarks><paramref name="ParentIsCard"/>: the group token is itself an RFID card (2.0.1 names its type ISO14443, else Central).</remarks>
public sealed record AuthorizationResult(TokenAuthorization Status, DateTimeOffset? ExpiresAt, string? ParentIdTag, string? UserId, bool ParentIsCard = false);

/// <summary>
/// Decides whether an id token may charge. A token that is not ours is asked of the external authorities (roaming
/// partners); one nobody knows is Invalid: never authorised.
/// </summary>
public sealed class TokenAuthorizer(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IEnumerable<IExternalTokenAuthority> externalAuthorities)
{
    public async Task<AuthorizationResult> AuthorizeAsync(string idTag, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // OCPP id tokens are case-insensitive: readers differ in how they print a card's hex UID. The exact match uses
        // the index; only a miss pays for the case-folded comparison. (SQL Server's default collation already ignores case.)
        var token = await db.IdTokens.AsNoTracking().FirstOrDefaultAsync(t => t.IdTag == idTag, ct)
            ?? (db.Database.IsSqlite()
                ? await db.IdTokens.AsNoTracking().FirstOrDefaultAsync(t => EF.Functions.Collate(t.IdTag, "NOCASE") == idTag, ct)
                : db.Database.IsNpgsql()
                    ? await db.IdTokens.AsNoTracking().FirstOrDefaultAsync(t => EF.Functions.ILike(t.IdTag, LikePattern.Exactly(idTag), LikePattern.Escape), ct)
                    : null);
        if (token is null)
        {
            foreach (var authority in externalAuthorities)
            {
                if (await authority.AuthorizeAsync(idTag, ct) is { } external)
                {
                    return external;
                }
            }

            return new AuthorizationResult(TokenAuthorization.Invalid, null, null, null);
        }

        var status = token.Status switch
        {
            IdTokenStatus.Blocked => TokenAuthorization.Blocked,
            IdTokenStatus.Expired => TokenAuthorization.Expired,
            _ when token.ExpiresAt is { } expiry && expiry <= time.GetUtcNow() => TokenAuthorization.Expired,
            _ => TokenAuthorization.Accepted,
        };
        var parentIsCard = token.ParentIdTag is { } parent
            && await db.IdTokens.AnyAsync(t => t.IdTag == parent && t.Kind == IdTokenKind.Rfid, ct);
        return new AuthorizationResult(status, token.ExpiresAt, token.ParentIdTag, token.UserId, parentIsCard);
    }

    /// <summary>
    /// Whether a start without authorisation (2.0.1 idToken type NoAuthorization, empty value) is accepted here:
    /// the station or its site offers free vend.
    /// </summary>
    public async Task<AuthorizationResult> AuthorizeFreeVendAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var freeVend = await db.Stations.AsNoTracking().Where(s => s.Id == stationId)
            .Select(s => s.FreeVend || (s.Site != null && s.Site.FreeVend)).FirstOrDefaultAsync(ct);
        return new AuthorizationResult(freeVend ? TokenAuthorization.Accepted : TokenAuthorization.FreeVendNotOffered, null, null, null);
    }
}
