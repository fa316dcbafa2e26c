using System.Buffers;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Drivers.Cards;

public sealed record CardView(int Id, string IdTag, string? Label, IdTokenStatus Status, DateTimeOffset CreatedAt, bool BlockedByOperator = false);

public sealed record CardResult(bool Ok, string Message);

/// <summary>A driver's own RFID cards: add, rename, block and unblock. Never touches anyone else's tokens.</summary>
public sealed class DriverCards(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>OCPP 1.6 idTag is CiString20; what card readers report (UIDs) fits in letters, digits and - _ : .</summary>
    public const int MaxIdTagLength = 20;
    public const int MinIdTagLength = 4;
    public const int MaxLabelLength = 80;

    private static readonly SearchValues<char> AllowedChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.");

    /// <summary>Upper-cases and trims a card number (1.6 idTags are case-insensitive); null if it is not a valid one.</summary>
    public static string? Normalize(string? idTag, out string? error)
    {
        var value = idTag?.Trim().ToUpperInvariant() ?? "";
        error = value.Length switch
        {
            0 => "Enter the card number printed on the card.",
            < MinIdTagLength or > MaxIdTagLength => $"A card number has {MinIdTagLength} to {MaxIdTagLength} characters.",
            _ when value.AsSpan().ContainsAnyExcept(AllowedChars) => "A card number may contain only letters, digits and - _ : .",
            _ => null,
        };
        return error is null ? value : null;
    }

    public async Task<IReadOnlyList<CardView>> ListAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdTokens.AsNoTracking().Where(t => t.UserId == userId && t.Kind == IdTokenKind.Rfid)
            .OrderBy(t => t.CreatedAt).Select(t => new CardView(t.Id, t.IdTag, t.Label, t.Status, t.CreatedAt, t.BlockedByOperator)).ToListAsync(ct);
    }

    public async Task<CardResult> AddAsync(string userId, string? idTag, string? label, CancellationToken ct)
    {
        var normalized = Normalize(idTag, out var error);
        if (normalized is null)
        {
            return new(false, error!);
        }

        if (CheckLabel(label, out var cleanLabel) is { } labelError)
        {
            return new(false, labelError);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await TakenAsync(db, normalized, ct))
        {
            return Taken(normalized);
        }

        db.IdTokens.Add(new IdToken { IdTag = normalized, Kind = IdTokenKind.Rfid, UserId = userId, Label = cleanLabel, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await using var check = await dbFactory.CreateDbContextAsync(ct);
            if (await TakenAsync(check, normalized, ct))
            {
                return Taken(normalized);
            }

            throw;
        }

        return new(true, $"Card {normalized} added.");
    }

    public async Task<CardResult> RenameAsync(string userId, int cardId, string? label, CancellationToken ct)
    {
        if (CheckLabel(label, out var cleanLabel) is { } labelError)
        {
            return new(false, labelError);
        }

        return await UpdateAsync(userId, cardId, t => t.Label = cleanLabel, "Name saved.", ct);
    }

    /// <summary>The driver blocks or unblocks their card; a card an operator blocked stays as the operator left it.</summary>
    public Task<CardResult> SetBlockedAsync(string userId, int cardId, bool blocked, CancellationToken ct) =>
        UpdateAsync(userId, cardId, t => t.Status = blocked ? IdTokenStatus.Blocked : IdTokenStatus.Accepted,
            blocked ? "Card blocked: it can no longer start charging." : "Card unblocked.", ct, allowExpired: false, unblocking: !blocked);

    private async Task<CardResult> UpdateAsync(string userId, int cardId, Action<IdToken> change, string done, CancellationToken ct, bool allowExpired = true, bool unblocking = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.IdTokens.FirstOrDefaultAsync(t => t.Id == cardId && t.UserId == userId && t.Kind == IdTokenKind.Rfid, ct);
        if (token is null)
        {
            return new(false, "That card is not one of yours.");
        }

        if (!allowExpired && token.Status == IdTokenStatus.Expired)
        {
            return new(false, "That card has expired; ask the operator for a new one.");
        }

        if (unblocking && token.BlockedByOperator)
        {
            // An operator's block (a lost card reported, unpaid sessions…) is theirs to lift, not the driver's.
            return new(false, "An operator blocked this card; only an operator can unblock it.");
        }

        change(token);
        await db.SaveChangesAsync(ct);
        return new(true, done);
    }

    private static string? CheckLabel(string? label, out string? clean)
    {
        clean = string.IsNullOrWhiteSpace(label) ? null : label.Trim();
        return clean is { Length: > MaxLabelLength } ? $"A card name has at most {MaxLabelLength} characters." : null;
    }

    // Case-insensitive on every provider: LIKE ignores ASCII case on SQLite and SQL Server, PostgreSQL needs ILIKE.
    // '_' is a LIKE wildcard and a valid card character, so the pattern escapes it.
    private static Task<bool> TakenAsync(AppDbContext db, string normalized, CancellationToken ct)
    {
        var pattern = LikePattern.Exactly(normalized);
        return db.Database.IsNpgsql()
            ? db.IdTokens.AnyAsync(t => EF.Functions.ILike(t.IdTag, pattern, LikePattern.Escape), ct)
            : db.IdTokens.AnyAsync(t => EF.Functions.Like(t.IdTag, pattern, LikePattern.Escape), ct);
    }

    private static CardResult Taken(string idTag) =>
        new(false, $"Card {idTag} is already registered. If it is yours and you lost it, ask the operator.");
}
