using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tokens;

public enum TokenAuthorization
{
    Accepted,
    Blocked,
    Expired,
    Invalid,
}

public sealed record AuthorizationResult(TokenAuthorization Status, DateTimeOffset? ExpiresAt, string? ParentIdTag, string? UserId);

/// <summary>Decides whether an id token may charge. Unknown tokens are Invalid: never authorised.</summary>
public sealed class TokenAuthorizer(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<AuthorizationResult> AuthorizeAsync(string idTag, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.IdTokens.AsNoTracking().FirstOrDefaultAsync(t => t.IdTag == idTag, ct);
        if (token is null)
        {
            return new AuthorizationResult(TokenAuthorization.Invalid, null, null, null);
        }

        var status = token.Status switch
        {
            IdTokenStatus.Blocked => TokenAuthorization.Blocked,
            IdTokenStatus.Expired => TokenAuthorization.Expired,
            _ when token.ExpiresAt is { } expiry && expiry <= time.GetUtcNow() => TokenAuthorization.Expired,
            _ => TokenAuthorization.Accepted,
        };
        return new AuthorizationResult(status, token.ExpiresAt, token.ParentIdTag, token.UserId);
    }
}
