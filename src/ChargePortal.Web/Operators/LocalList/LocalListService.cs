using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.LocalList;

public sealed record TokenChoice(string IdTag, string? Label, IdTokenStatus Status, DateTimeOffset? ExpiresAt);

/// <summary>Picks tokens for a station's local authorization list and sends or queries the list.</summary>
public sealed class LocalListService(IDbContextFactory<AppDbContext> dbFactory, StationCommandService commands)
{
    /// <summary>A local list holds at most this many entries here; stations advertise their own (often smaller) maximum.</summary>
    public const int MaxTokens = 500;

    public const int PageSize = 50;

    /// <summary>Tokens whose id tag or label contains <paramref name="search"/>, ordered by id tag, at most <see cref="PageSize"/>.</summary>
    public async Task<IReadOnlyList<TokenChoice>> SearchAsync(string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.IdTokens.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(t => t.IdTag.Contains(term) || (t.Label != null && t.Label.Contains(term)));
        }

        return await query.OrderBy(t => t.IdTag).Take(PageSize).Select(t => new TokenChoice(t.IdTag, t.Label, t.Status, t.ExpiresAt)).ToListAsync(ct);
    }

    public async Task<int?> RecordedVersionAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.Where(s => s.Id == stationId).Select(s => (int?)s.LocalListVersion).FirstOrDefaultAsync(ct);
    }

    public static string? Validate(LocalListUpdate updateType, IReadOnlyCollection<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (updateType == LocalListUpdate.Differential && tokens.Count == 0)
        {
            return "A differential update needs at least one token (a full update with none empties the list).";
        }

        return tokens.Count > MaxTokens ? $"At most {MaxTokens} tokens per list, not {tokens.Count}." : null;
    }

    public async Task<CommandResult<StationAnswer>> SendAsync(string stationId, LocalListUpdate updateType, IReadOnlyCollection<string> tokens, CommandActor actor, CancellationToken ct)
    {
        if (Validate(updateType, tokens) is { } error)
        {
            return CommandResult.Failed<StationAnswer>(CommandFailure.BadArguments, error);
        }

        return await commands.ExecuteAsync(stationId, new SendLocalListArguments(updateType, [.. tokens]), actor, ct);
    }

    public Task<CommandResult<LocalListVersionAnswer>> StationVersionAsync(string stationId, CommandActor actor, CancellationToken ct)
        => commands.ExecuteAsync(stationId, new GetLocalListVersionArguments(), actor, ct);
}
