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

    /// <summary>A driver's card at a site that charges it to their saved payment card, and they have none on file.</summary>
    NoPaymentCard,

    /// <summary>A master pass used to start or own a session (C16.FR.03): master passes only stop sessions.</summary>
    MasterPassCannotStart,
}

/// <remarks>
/// <paramref name="ParentIsCard"/>: the group token is itself an RFID card (2.0.1 names its type ISO14443, else Central).
/// <paramref name="Reason"/>: why a known token is refused, for the driver (2.0.1 personalMessage).
/// <paramref name="IsMasterPass"/>: the token's group is the master pass group (Ocpp:MasterPassGroupId, C16).
/// </remarks>
public sealed record AuthorizationResult(TokenAuthorization Status, DateTimeOffset? ExpiresAt, string? ParentIdTag, string? UserId, bool ParentIsCard = false,
    string? Reason = null, bool IsMasterPass = false);

/// <summary>
/// Decides whether an id token may charge. A token that is not ours is asked of the external authorities (roaming
/// partners); one nobody knows is Invalid: never authorised.
/// </summary>
public sealed class TokenAuthorizer(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IEnumerable<IExternalTokenAuthority> externalAuthorities,
    IEnumerable<ITokenPaymentRequirement> paymentRequirements, Microsoft.Extensions.Options.IOptions<Ocpp.OcppOptions> ocppOptions)
{
    /// <summary>The token's own status, wherever it is used (no station: payment requirements are not checked).</summary>
    public Task<AuthorizationResult> AuthorizeAsync(string idTag, CancellationToken ct) => AuthorizeAsync(idTag, null, ct);

    /// <summary>
    /// Whether the token may charge at <paramref name="stationId"/>: its status, and for a driver's RFID card whether
    /// the site's billing policy is met (a saved payment card where sessions are charged to it).
    /// </summary>
    public async Task<AuthorizationResult> AuthorizeAsync(string idTag, string? stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await FindAsync(db, idTag, ct);
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
        string? refusal = null;
        if (status == TokenAuthorization.Accepted && stationId is not null && token is { Kind: IdTokenKind.Rfid, UserId: { } owner })
        {
            foreach (var requirement in paymentRequirements)
            {
                refusal ??= await requirement.RefusalAsync(owner, stationId, ct);
            }
        }

        var masterPass = ocppOptions.Value.MasterPassGroupId is { Length: > 0 } masterGroup
            && string.Equals(token.ParentIdTag, masterGroup, StringComparison.OrdinalIgnoreCase);
        return new AuthorizationResult(refusal is null ? status : TokenAuthorization.NoPaymentCard, token.ExpiresAt, token.ParentIdTag, token.UserId, parentIsCard, refusal,
            masterPass);
    }

    /// <summary>
    /// The token with this value. OCPP id tokens are case-insensitive: readers differ in how they print a card's hex UID.
    /// The exact match uses the index; only a miss pays for the case-folded comparison. (SQL Server's default collation
    /// already ignores case.)
    /// </summary>
    /// <summary>
    /// OCPP id tokens are case-insensitive: readers differ in how they print a card's hex UID. The exact match uses the
    /// index; only a miss pays for the case-folded comparison. (SQL Server's default collation already ignores case.)
    /// </summary>
    public static async Task<IdToken?> FindAsync(AppDbContext db, string idTag, CancellationToken ct) =>
        await db.IdTokens.AsNoTracking().FirstOrDefaultAsync(t => t.IdTag == idTag, ct)
            ?? (db.Database.IsSqlite()
                ? await db.IdTokens.AsNoTracking().FirstOrDefaultAsync(t => EF.Functions.Collate(t.IdTag, "NOCASE") == idTag, ct)
                : db.Database.IsNpgsql()
                    ? await db.IdTokens.AsNoTracking().FirstOrDefaultAsync(t => EF.Functions.ILike(t.IdTag, LikePattern.Exactly(idTag), LikePattern.Escape), ct)
                    : null);

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
