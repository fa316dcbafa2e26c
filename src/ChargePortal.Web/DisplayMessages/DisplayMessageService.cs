using System.Security.Claims;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.DisplayMessages;

/// <summary>What the station answered to a display-message operation, or why it could not be asked.</summary>
public sealed record DisplayMessageResult(DisplayMessageAnswer? Answer, StationFeatureError? Error, int? MessageId = null)
{
    public bool Succeeded => Answer?.Outcome == DisplayMessageStatus.Accepted;

    /// <summary>One sentence for the page: the station's answer explained, or the failure.</summary>
    public string Message => Error?.Detail ?? Answer!.Explanation;
}

/// <summary>
/// Display messages of 2.0.1 stations (block O) for operators and site owners: set (a new id chosen by the CSMS when
/// none is given, O06 replace with an existing id), ask the station for its messages, clear, and the stored list
/// (<see cref="DisplayMessageLedger"/> keeps it from the answered exchanges).
/// </summary>
public sealed class DisplayMessageService(
    IDbContextFactory<AppDbContext> dbFactory, StationFeatureAccess access, StationCommandService commands, DisplayMessageLedger ledger, TimeProvider time)
{
    public const string Feature = "display messages";

    public Task<(StationFeatureTarget? Station, StationFeatureError? Error)> CheckAsync(string stationId, ClaimsPrincipal user, CancellationToken ct) =>
        access.CheckAsync(stationId, user, siteOwners: true, Feature, ct);

    public async Task<IReadOnlyList<StationDisplayMessage>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DisplayMessages.AsNoTracking().Where(m => m.StationId == stationId).OrderBy(m => m.MessageId).ToListAsync(ct);
    }

    /// <summary>The station's latest GetDisplayMessages request, for "last refreshed" on the page.</summary>
    public async Task<DisplayMessageQuery?> LastQueryAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DisplayMessageQueries.AsNoTracking().Where(q => q.StationId == stationId).OrderByDescending(q => q.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<DisplayMessageResult> SetAsync(string stationId, DisplayMessageDraft draft, ClaimsPrincipal user, CommandActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await Usable(stationId, user, ct) is { } refused)
        {
            return refused;
        }

        if (draft.EndsAt is { } end && end <= time.GetUtcNow())
        {
            return new(null, new StationFeatureError(StationFeatureFailure.BadInput, $"endsAt ({end:O}) is in the past: the station would remove the message at once (O01.FR.07)."));
        }

        var message = draft.WithId(draft.Id ?? await NextIdAsync(stationId, ct));
        return await RunAsync(stationId, new SetDisplayMessageArguments(message), actor, message.Id, ct);
    }

    public async Task<DisplayMessageResult> QueryAsync(string stationId, GetDisplayMessagesArguments query, ClaimsPrincipal user, CommandActor actor, CancellationToken ct)
        => await Usable(stationId, user, ct) ?? await RunAsync(stationId, query, actor, messageId: null, ct);

    public async Task<DisplayMessageResult> ClearAsync(string stationId, int messageId, ClaimsPrincipal user, CommandActor actor, CancellationToken ct)
        => await Usable(stationId, user, ct) ?? await RunAsync(stationId, new ClearDisplayMessageArguments(messageId), actor, messageId, ct);

    private async Task<DisplayMessageResult?> Usable(string stationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var (station, error) = await CheckAsync(stationId, user, ct);
        return (error ?? StationFeatureAccess.Unless201(station!, Feature)) is { } refused ? new DisplayMessageResult(null, refused) : null;
    }

    private async Task<DisplayMessageResult> RunAsync(string stationId, StationOperation<DisplayMessageAnswer> operation, CommandActor actor, int? messageId, CancellationToken ct)
    {
        var result = await commands.ExecuteAsync(stationId, operation, actor, ct);
        if (result.Error is { } error)
        {
            return new(null, StationFeatureError.From(error), messageId);
        }

        // The ledger stores the exchange off the socket; wait for it so the list read next already shows it.
        await ledger.WaitStoredAsync(ct);
        return new(result.Answer, null, messageId);
    }

    /// <summary>One more than the highest id the station is known to hold (ids are the CSMS's choice, unique per station).</summary>
    private async Task<int> NextIdAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.DisplayMessages.Where(m => m.StationId == stationId).MaxAsync(m => (int?)m.MessageId, ct) ?? 0) + 1;
    }
}
