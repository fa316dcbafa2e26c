using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tokens;

public sealed record TokenRow(int Id, string IdTag, IdTokenKind Kind, IdTokenStatus Status, DateTimeOffset? ExpiresAt, string? ParentIdTag,
    string? OwnerEmail, string? Label, DateTimeOffset CreatedAt);

/// <summary>A token as the operator page edits it; every field is replaced.</summary>
public sealed record TokenEdit(string? IdTag, IdTokenKind Kind, IdTokenStatus Status, DateTimeOffset? ExpiresAt, string? ParentIdTag, string? OwnerEmail, string? Label);

public sealed record TokenSaveResult(bool Saved, string? Error);

/// <summary>Operator management of RFID / id tokens: validated create and update, listing with owner emails.</summary>
public sealed class TokenAdmin(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int MaxLabelLength = 100;

    public async Task<IReadOnlyList<TokenRow>> ListAsync(string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.IdTokens.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(t => t.IdTag.Contains(s) || (t.Label != null && t.Label.Contains(s)) || (t.User != null && t.User.Email!.Contains(s)));
        }

        return await query.OrderBy(t => t.IdTag).Take(1000)
            .Select(t => new TokenRow(t.Id, t.IdTag, t.Kind, t.Status, t.ExpiresAt, t.ParentIdTag, t.User != null ? t.User.Email : null, t.Label, t.CreatedAt))
            .ToListAsync(ct);
    }

    public static string? Validate(TokenEdit edit)
    {
        var idTag = edit.IdTag?.Trim();
        if (string.IsNullOrEmpty(idTag) || idTag.Length > IdToken.MaxIdTagLength)
        {
            return $"Token id is required, 1 to {IdToken.MaxIdTagLength} characters.";
        }

        // Stations send idTags as printable ASCII (OCPP CiString); anything else could never match.
        if (idTag.Any(c => c < '!' || c > '~'))
        {
            return "Token id may contain only printable ASCII characters without spaces.";
        }

        var parent = edit.ParentIdTag?.Trim();
        if (!string.IsNullOrEmpty(parent) && (parent.Length > IdToken.MaxIdTagLength || string.Equals(parent, idTag, StringComparison.Ordinal)))
        {
            return $"Parent token must be another token, at most {IdToken.MaxIdTagLength} characters.";
        }

        if (edit.Label?.Length > MaxLabelLength)
        {
            return $"Label must be at most {MaxLabelLength} characters.";
        }

        return Enum.IsDefined(edit.Kind) && Enum.IsDefined(edit.Status) ? null : "Unknown kind or status.";
    }

    /// <summary>Creates (id null) or updates a token. Nothing changes when the input is invalid.</summary>
    public async Task<TokenSaveResult> SaveAsync(int? id, TokenEdit edit, CancellationToken ct)
    {
        if (Validate(edit) is { } error)
        {
            return new(false, error);
        }

        var idTag = edit.IdTag!.Trim();
        var parent = string.IsNullOrWhiteSpace(edit.ParentIdTag) ? null : edit.ParentIdTag.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (parent is not null && !await db.IdTokens.AnyAsync(t => t.IdTag == parent, ct))
        {
            return new(false, $"Parent token '{parent}' does not exist.");
        }

        string? userId = null;
        if (!string.IsNullOrWhiteSpace(edit.OwnerEmail))
        {
            var normalized = edit.OwnerEmail.Trim().ToUpperInvariant();
            userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (userId is null)
            {
                return new(false, $"No user has the email '{edit.OwnerEmail.Trim()}'.");
            }
        }

        if (await db.IdTokens.AnyAsync(t => t.IdTag == idTag && t.Id != (id ?? 0), ct))
        {
            return new(false, $"Token '{idTag}' already exists.");
        }

        IdToken token;
        if (id is { } existing)
        {
            var found = await db.IdTokens.FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (found is null)
            {
                return new(false, "That token no longer exists.");
            }

            token = found;
        }
        else
        {
            token = db.IdTokens.Add(new IdToken { IdTag = idTag, CreatedAt = time.GetUtcNow() }).Entity;
        }

        token.IdTag = idTag;
        token.Kind = edit.Kind;
        token.SetStatusByOperator(edit.Status);
        token.ExpiresAt = edit.ExpiresAt;
        token.ParentIdTag = parent;
        token.UserId = userId;
        token.Label = string.IsNullOrWhiteSpace(edit.Label) ? null : edit.Label.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent create of the same idTag (unique index).
            return new(false, $"Token '{idTag}' already exists.");
        }

        return new(true, null);
    }
}
