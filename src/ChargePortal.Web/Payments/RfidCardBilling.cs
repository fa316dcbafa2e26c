using ChargePortal.Web.Data;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments;

/// <summary>
/// Sessions started with a driver's RFID card are paid with the driver's saved payment card where the site's policy is
/// <see cref="RfidBillingPolicy.PostPaid"/>: a card without one on file is refused at Authorize, and a session that
/// gets such a card as its token gets an off-session hold linked to it, captured with the final cost like an app
/// start's. Cards without a driver (fleet cards) and the other policies are never charged to a card.
/// </summary>
public sealed class RfidCardBilling(
    IDbContextFactory<AppDbContext> dbFactory,
    PaymentCards cards,
    PaymentService payments,
    TariffResolver tariffs,
    PaymentOptions options,
    IEnumerable<ISessionsBilledElsewhere> billedElsewhere,
    ILogger<RfidCardBilling> logger) : ITokenPaymentRequirement
{
    public const string NoPaymentCardReason = "No payment card on file: add one in the ChargePortal app to charge with this card.";

    public async Task<string?> RefusalAsync(string userId, string stationId, CancellationToken ct) =>
        await PolicyAsync(stationId, ct) == RfidBillingPolicy.PostPaid && await cards.GetAsync(userId, ct) is null
            ? NoPaymentCardReason
            : null;

    /// <summary>The policy of the station's site; a station on no site follows Payments:RfidBilling.</summary>
    public async Task<RfidBillingPolicy> PolicyAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await db.Stations.AsNoTracking().Where(s => s.Id == stationId)
            .Select(s => s.Site == null ? (RfidBillingPolicy?)null : s.Site.RfidBilling).FirstOrDefaultAsync(ct);
        return site ?? options.RfidBilling;
    }

    /// <summary>A session started with an RFID card (a driver's or a fleet card) where the site's policy makes it free.</summary>
    public async Task<bool> IsFreeAsync(string stationId, string? idTag, CancellationToken ct)
    {
        if (idTag is null || await PolicyAsync(stationId, ct) != RfidBillingPolicy.Free)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TokenAuthorizer.FindAsync(db, idTag, ct) is { Kind: IdTokenKind.Rfid };
    }

    /// <summary>
    /// Places and links the hold for a session whose token is a driver's RFID card on a post-paid site, unless the
    /// session already has a payment (an app start's hold, or this hold placed before) or the driver's app hold for this
    /// station and token is waiting for it (that one is linked instead). True when the session has an Authorized hold
    /// from this call.
    /// </summary>
    public async Task<bool> HoldForSessionAsync(long transactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Transactions.AsNoTracking().Where(t => t.Id == transactionId)
            .Select(t => new { t.StationId, t.ConnectorId, t.IdTag, t.StartedAt }).FirstOrDefaultAsync(ct);
        if (session?.IdTag is not { } idTag || await db.Payments.AnyAsync(p => p.TransactionId == transactionId, ct))
        {
            return false;
        }

        // A token that arrives late (2.0.1) reaches pricing and the late-token link at the same moment: whichever runs
        // first must take the hold the driver placed in the app, never put a second one on their card.
        if (await payments.LinkAsync(session.StationId, idTag, transactionId, ct))
        {
            return true;
        }

        if (await TokenAuthorizer.FindAsync(db, idTag, ct) is not { Kind: IdTokenKind.Rfid, UserId: { } userId }
            || await PolicyAsync(session.StationId, ct) != RfidBillingPolicy.PostPaid)
        {
            return false;
        }

        foreach (var other in billedElsewhere)
        {
            if (await other.IsBilledElsewhereAsync(idTag, ct))
            {
                return false;
            }
        }

        if (await cards.GetAsync(userId, ct) is not { } card)
        {
            // Refused at Authorize; a station that started anyway (offline, local list) leaves the session unpaid.
            logger.LogWarning("Session {TransactionId}: card {IdTag} has no payment card on file; not charged", transactionId, idTag);
            return false;
        }

        var tariff = await tariffs.ForConnectorAsync(session.StationId, session.ConnectorId, session.StartedAt, ct);
        var hold = await payments.PlaceSessionHoldAsync(userId, card, transactionId, session.StationId, session.ConnectorId, idTag, tariff?.Currency ?? "EUR", ct);
        if (hold.Status != PaymentStatus.Authorized)
        {
            logger.LogWarning("Session {TransactionId}: the hold on {Card} failed: {Reason}", transactionId, card.Label, hold.FailureReason);
        }

        return hold.Status == PaymentStatus.Authorized;
    }
}
