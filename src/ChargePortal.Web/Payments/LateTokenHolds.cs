using ChargePortal.Web.Data;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments;

/// <summary>
/// A session that learns its token after it started (2.0.1: plug in first, tap later; or a late event after the
/// session ended) gets that driver's card hold linked then; a session already priced settles the hold at once.
/// </summary>
public sealed class LateTokenHolds(PaymentService payments, RfidCardBilling rfidBilling, IDbContextFactory<AppDbContext> dbFactory, ILogger<LateTokenHolds> logger)
{
    public async Task LinkAsync(string stationId, string idTag, long transactionId, CancellationToken ct)
    {
        // The driver's app hold, else (a tapped RFID card) a hold on their saved payment card where the site charges it.
        if (!await payments.LinkAsync(stationId, idTag, transactionId, ct) && !await rfidBilling.HoldForSessionAsync(transactionId, ct))
        {
            return;
        }

        // Read after the link: a pricing that stores its cost later sees the linked hold and settles it itself.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Transactions.AsNoTracking().Where(t => t.Id == transactionId).Select(t => new { t.Status, t.Cost }).FirstAsync(ct);
        if (session.Status != TransactionStatus.Completed || session.Cost is not { } cost)
        {
            return;
        }

        try
        {
            await payments.SettleAsync(transactionId, cost, ct);
        }
        catch (PaymentProviderUnavailableException e)
        {
            // The hold stays Authorized and linked: the unbilled-session sweep settles it when the provider answers.
            logger.LogWarning(e, "Session {TransactionId}: the late-linked hold is settled by the sweep", transactionId);
        }
    }
}
