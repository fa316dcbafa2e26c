using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tokens;

/// <summary>The tokens a station command names, as the command service needs them (local list entries, idToken types).</summary>
public sealed class TokenDirectory(IDbContextFactory<AppDbContext> dbFactory) : ITokenDirectory
{
    public async Task<IReadOnlyDictionary<string, TokenInfo>> FindAsync(IReadOnlyList<string> idTags, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.IdTokens.AsNoTracking().Where(t => idTags.Contains(t.IdTag)).ToListAsync(ct);
        return tokens.ToDictionary(
            t => t.IdTag,
            t => new TokenInfo(Standing(t.Status), t.ExpiresAt, t.ParentIdTag, t.Kind == IdTokenKind.Rfid),
            StringComparer.Ordinal);
    }

    private static TokenStanding Standing(IdTokenStatus status) => status switch
    {
        IdTokenStatus.Accepted => TokenStanding.Accepted,
        IdTokenStatus.Blocked => TokenStanding.Blocked,
        IdTokenStatus.Expired => TokenStanding.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A token status the local list cannot carry."),
    };
}
