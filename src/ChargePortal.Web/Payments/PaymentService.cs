using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments;

public sealed record RefundOutcome(bool Succeeded, string Message);

public sealed record PaymentRow(Payment Payment, string? UserEmail);

/// <summary>A hold just placed; <see cref="AuthenticationUrl"/> when the driver must first confirm it with their bank.</summary>
public sealed record HoldOutcome(Payment Payment, Uri? AuthenticationUrl);

/// <summary>Whom and what a hold is for; <paramref name="TransactionId"/> when the session it pays for is already running.</summary>
internal sealed record HoldFor(string UserId, string StationId, int ConnectorId, string IdTag, string Currency, long? TransactionId);

/// <summary>
/// The life of a card hold: placed before charging, linked to the session when it starts, captured
/// (exact cost), released (nothing to pay) or refunded. Every step is a conditional state change, so a
/// repeated event or a second node doing the same work cannot capture twice.
/// </summary>
public sealed partial class PaymentService(
    IDbContextFactory<AppDbContext> dbFactory,
    IPaymentProvider provider,
    PaymentOptions options,
    AuditLog audit,
    TimeProvider time,
    ILogger<PaymentService> logger,
    IEnumerable<ISessionsBilledElsewhere> billedElsewhere,
    PaymentMetrics metrics)
{
    /// <summary>
    /// Longer than any provider call can take (Stripe.net: three tries of at most 80 s each), so a claim this old is
    /// one nobody is working on any more.
    /// </summary>
    public static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(15);

    public bool IsTestMode => provider.IsTestMode;

    public PaymentProviderKind ProviderKind => provider.Kind;

    /// <summary>Newest payments first, with the payer's email (operator console).</summary>
    public async Task<IReadOnlyList<PaymentRow>> ListAsync(int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Payments.AsNoTracking().OrderByDescending(p => p.Id).Take(take)
            .Select(p => new PaymentRow(p, p.User!.Email)).ToListAsync(ct);
    }

    /// <summary>Places the configured hold on the driver's saved <paramref name="card"/>; the payment says whether it succeeded.</summary>
    public async Task<Payment> PlaceHoldAsync(string userId, SavedCard card, string stationId, int connectorId, string idTag, string currency, CancellationToken ct) =>
        (await PlaceHoldAsync(userId, card, stationId, connectorId, idTag, currency, null, ct)).Payment;

    /// <summary>
    /// Places the hold with the driver there to confirm it with their bank if it asks (3-D Secure): the bank sends
    /// them back to <paramref name="authenticationReturnUrl"/>, and <see cref="HoldAuthentication"/> finds out.
    /// </summary>
    public Task<HoldOutcome> PlaceHoldAsync(string userId, SavedCard card, string stationId, int connectorId, string idTag, string currency,
        Uri? authenticationReturnUrl, CancellationToken ct) =>
        PlaceAsync(new HoldFor(userId, stationId, connectorId, idTag, currency, null), card, authenticationReturnUrl, ct);

    /// <summary>
    /// Places the hold for a session already running, linked to it from the start (a driver's RFID card): off-session,
    /// the driver is at the station, not in the app, so a bank that wants them to confirm it refuses it instead.
    /// </summary>
    public async Task<Payment> PlaceSessionHoldAsync(string userId, SavedCard card, long transactionId, string stationId, int connectorId, string idTag,
        string currency, CancellationToken ct) =>
        (await PlaceAsync(new HoldFor(userId, stationId, connectorId, idTag, currency, transactionId), card, null, ct)).Payment;

    private async Task<HoldOutcome> PlaceAsync(HoldFor hold, SavedCard card, Uri? authenticationReturnUrl, CancellationToken ct)
    {
        var (userId, stationId, connectorId, idTag, currency, transactionId) = hold;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var payment = new Payment
        {
            UserId = userId,
            TransactionId = transactionId,
            Provider = provider.Kind,
            StationId = stationId,
            ConnectorId = connectorId,
            IdTag = idTag,
            Currency = currency,
            HoldAmount = options.HoldAmount,
            ProviderCustomerId = card.CustomerId,
            PaymentMethodId = card.PaymentMethodId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);

        ProviderResult result;
        try
        {
            result = await provider.PlaceHoldAsync(new HoldRequest(options.HoldAmount, currency, $"Charging at {stationId} connector {connectorId}",
                $"hold-{payment.Id}-{payment.CreatedAt.ToUnixTimeMilliseconds()}",
                new Dictionary<string, string> { ["paymentId"] = payment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["stationId"] = stationId },
                card.CustomerId, card.PaymentMethodId, OffSession: transactionId is not null, AuthenticationReturnUrl: authenticationReturnUrl), ct);
        }
        catch (PaymentProviderUnavailableException e)
        {
            // Charging does not start without a confirmed hold. Should the provider have placed it after all, it is
            // found and released later (UnansweredHolds); nothing is ever captured from it.
            logger.LogWarning(e, "Hold {PaymentId} not confirmed by the provider", payment.Id);
            result = ProviderResult.Failed("The payment provider could not be reached; nothing was charged. Try again in a moment.");
            payment.HoldOutcomeUnknown = true;
        }

        payment.ProviderPaymentId = result.ProviderPaymentId;
        payment.Status = result.Succeeded ? PaymentStatus.Authorized
            : result.NeedsAuthentication ? PaymentStatus.AwaitingAuthentication
            : PaymentStatus.Failed;
        payment.FailureReason = result.Error;
        payment.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        metrics.Outcome(PaymentOperation.Hold, payment.HoldOutcomeUnknown ? PaymentOutcome.Unanswered : payment.Status switch
        {
            PaymentStatus.Authorized => PaymentOutcome.Authorized,
            PaymentStatus.AwaitingAuthentication => PaymentOutcome.AwaitingAuthentication,
            _ => PaymentOutcome.Failed,
        });
        return new HoldOutcome(payment, result.AuthenticationUrl);
    }

    /// <summary>The driver's own payment by the provider's id (what the bank's return address carries).</summary>
    public async Task<Payment?> FindForDriverAsync(string userId, string providerPaymentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId && p.ProviderPaymentId == providerPaymentId, ct);
    }

    /// <summary>
    /// Claims the remote start for an Authorized hold that has not started anything yet: true for the one caller
    /// that may send it (a reloaded return page, or two tabs, must not start twice).
    /// </summary>
    public async Task<bool> ClaimStartAsync(int paymentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Payments.Where(p => p.Id == paymentId && p.Status == PaymentStatus.Authorized && p.TransactionId == null && p.StartRequestedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.StartRequestedAt, time.GetUtcNow()).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), ct) > 0;
    }

    /// <summary>
    /// Attaches the newest unlinked hold for this station and idTag to the session that just started; never for a token
    /// whose sessions someone else bills (a roaming partner's), so such a session is never settled on a card.
    /// </summary>
    public async Task<bool> LinkAsync(string stationId, string idTag, long transactionId, CancellationToken ct)
    {
        foreach (var other in billedElsewhere)
        {
            if (await other.IsBilledElsewhereAsync(idTag, ct))
            {
                return false;
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Payments.AnyAsync(p => p.TransactionId == transactionId, ct))
        {
            return true;
        }

        var candidates = await db.Payments
            .Where(p => p.StationId == stationId && p.IdTag == idTag && p.TransactionId == null && p.Status == PaymentStatus.Authorized)
            .Select(p => p.Id).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return false;
        }

        // Still Authorized: a hold the unused-hold job is releasing right now is not linked.
        var newest = candidates.Max();
        return await db.Payments.Where(p => p.Id == newest && p.TransactionId == null && p.Status == PaymentStatus.Authorized)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.TransactionId, transactionId), ct) > 0;
    }

    /// <summary>
    /// Settles the session's hold with its final cost: capture it, or release the hold when there is nothing to pay.
    /// A provider call that throws (provider unreachable, timed out, shutting down) leaves the hold Authorized again,
    /// so the unbilled-session sweep retries it, and the exception goes to the caller.
    /// </summary>
    public async Task SettleAsync(long transactionId, decimal cost, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.TransactionId == transactionId && p.Status == PaymentStatus.Authorized, ct);
        if (payment is null || !await ClaimAsync(db, payment.Id, ct))
        {
            return;
        }

        if (cost <= 0m)
        {
            var released = await WhileClaimedAsync(payment.Id, PaymentOperation.Release, () => provider.CancelAsync(payment.ProviderPaymentId!, ct));
            await FinishAsync(db, payment, released.Succeeded ? PaymentStatus.Cancelled : PaymentStatus.Failed, 0m, 0m, released.Error, ct);
            metrics.Outcome(PaymentOperation.Release, released.Succeeded ? PaymentOutcome.Released : PaymentOutcome.Failed);
            return;
        }

        var capture = Math.Min(cost, payment.HoldAmount);
        var rest = cost - capture;
        var captured = await WhileClaimedAsync(payment.Id, PaymentOperation.Capture, () => provider.CaptureAsync(payment.ProviderPaymentId!, capture, payment.Currency, ct));
        if (!captured.Succeeded)
        {
            await FinishAsync(db, payment, PaymentStatus.Failed, 0m, cost, "Capture failed: " + captured.Error, ct);
            metrics.Outcome(PaymentOperation.Capture, PaymentOutcome.Failed);
            return;
        }

        await FinishAsync(db, payment, PaymentStatus.Captured, capture, 0m, null, ct);
        metrics.Outcome(PaymentOperation.Capture, PaymentOutcome.Captured);
        metrics.Amount(PaymentOperation.Capture, capture, payment.Currency);
        if (rest > 0m)
        {
            await SettleRestAsync(payment, rest, ct);
        }
    }

    /// <summary>The station accepted the remote start: from now the hold waits for its session (see <see cref="UnusedHoldReleaser"/>).</summary>
    public async Task MarkStartAcceptedAsync(int paymentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Payments.Where(p => p.Id == paymentId && p.StartAcceptedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.StartAcceptedAt, time.GetUtcNow()), ct);
    }

    /// <summary>
    /// Releases a hold that no session will use (remote start refused, station offline, no session in time).
    /// A hold already linked to a session is never released here. True if this call released it.
    /// </summary>
    public async Task<bool> ReleaseAsync(int paymentId, string reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == paymentId && p.Status == PaymentStatus.Authorized && p.TransactionId == null, ct);
        if (payment is null || !await ClaimAsync(db, payment.Id, ct, unlinkedOnly: true))
        {
            return false;
        }

        var released = await WhileClaimedAsync(payment.Id, PaymentOperation.Release, () => provider.CancelAsync(payment.ProviderPaymentId!, ct));
        await FinishAsync(db, payment, released.Succeeded ? PaymentStatus.Cancelled : PaymentStatus.Failed, 0m, 0m,
            released.Succeeded ? "Released: " + reason : $"Release ({reason}) failed: {released.Error}", ct);
        metrics.Outcome(PaymentOperation.Release, released.Succeeded ? PaymentOutcome.Released : PaymentOutcome.Failed);
        return released.Succeeded;
    }

    /// <summary>Refunds part or all of a captured payment (operator console).</summary>
    public async Task<RefundOutcome> RefundAsync(int paymentId, decimal amount, string actorName, string? actorUserId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == paymentId, ct);
        if (payment is null)
        {
            return new(false, "No such payment.");
        }

        if (payment.Status is not (PaymentStatus.Captured or PaymentStatus.PartiallyRefunded))
        {
            return new(false, $"Only captured payments can be refunded; this one is {payment.Status}.");
        }

        var refundable = payment.CapturedAmount - payment.RefundedAmount;
        if (amount <= 0m || amount > refundable)
        {
            return new(false, $"The refund must be more than 0 and at most {refundable:0.00} {payment.Currency}.");
        }

        var key = $"refund-{payment.Id}-{payment.RefundedAmount:0.00}-{amount:0.00}";
        ProviderResult result;
        try
        {
            result = await provider.RefundAsync(payment.ProviderPaymentId!, amount, payment.Currency, key, ct);
        }
        catch (PaymentProviderUnavailableException e)
        {
            // Same amount again later reuses the idempotency key, so a refund Stripe did make is not made twice.
            logger.LogWarning(e, "Refund of payment {PaymentId} not confirmed by the provider", paymentId);
            metrics.Outcome(PaymentOperation.Refund, PaymentOutcome.Unanswered);
            return new(false, "The payment provider could not be reached, so the refund is not confirmed. Try the same amount again in a moment.");
        }

        if (!result.Succeeded)
        {
            metrics.Outcome(PaymentOperation.Refund, PaymentOutcome.Failed);
            return new(false, "The refund failed: " + result.Error);
        }

        metrics.Outcome(PaymentOperation.Refund, PaymentOutcome.Refunded);
        metrics.Amount(PaymentOperation.Refund, amount, payment.Currency);

        // Conditional on the amount read, so two operators refunding at once cannot both count.
        var before = payment.RefundedAmount;
        var after = before + amount;
        var status = after >= payment.CapturedAmount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        await db.Payments.Where(p => p.Id == paymentId && p.RefundedAmount == before)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.RefundedAmount, after).SetProperty(p => p.Status, status).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), ct);
        await audit.RecordAsync(actorName, actorUserId, "payment.refund", payment.StationId, $"payment {paymentId}: {amount:0.00} {payment.Currency}", "Refunded", ct);
        return new(true, $"Refunded {amount:0.00} {payment.Currency}.");
    }

    /// <summary>
    /// Puts back holds whose claim is older than <see cref="AbandonedClaimAge"/>: the node that claimed them stopped
    /// (or lost its database) between the claim and the provider's answer. Authorized again, the job that settles or
    /// releases such holds picks them up; the provider's idempotency keys keep a repeated capture single.
    /// </summary>
    public async Task<int> ReturnAbandonedClaimsAsync(CancellationToken ct)
    {
        var claimedBefore = time.GetUtcNow() - AbandonedClaimAge;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var returned = await ReturnClaimsAsync(db.Payments.Where(p => p.UpdatedAt < claimedBefore), ct);
        if (returned > 0)
        {
            logger.LogWarning("Returned {Count} payment claims abandoned for over {Age}; they will be settled again", returned, AbandonedClaimAge);
        }

        return returned;
    }

    /// <summary>Authorized → Settling: only the caller whose update wins talks to the provider. The claim is timed (UpdatedAt).</summary>
    /// <remarks><paramref name="unlinkedOnly"/>: a release must lose against a session linking the hold at the same moment.</remarks>
    private async Task<bool> ClaimAsync(AppDbContext db, int paymentId, CancellationToken ct, bool unlinkedOnly = false) =>
        await db.Payments.Where(p => p.Id == paymentId && p.Status == PaymentStatus.Authorized && (!unlinkedOnly || p.TransactionId == null))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Settling).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), ct) > 0;

    /// <summary>
    /// A provider call made under a claim. If it throws, nobody knows what the provider did, but its idempotency keys
    /// make a retry safe: the claim is returned (Settling → Authorized) so a later pass tries again.
    /// </summary>
    private async Task<ProviderResult> WhileClaimedAsync(int paymentId, string operation, Func<Task<ProviderResult>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e)
        {
            metrics.Outcome(operation, PaymentOutcome.Unanswered);
            logger.LogWarning(e, "Payment {PaymentId}: the provider call failed; the hold stays Authorized and is retried later", paymentId);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await ReturnClaimsAsync(db.Payments.Where(p => p.Id == paymentId), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Settling → Authorized for the claimed ones among <paramref name="payments"/>.</summary>
    private Task<int> ReturnClaimsAsync(IQueryable<Payment> payments, CancellationToken ct) =>
        payments.Where(p => p.Status == PaymentStatus.Settling)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.Authorized).SetProperty(p => p.UpdatedAt, time.GetUtcNow()), ct);

    private async Task FinishAsync(AppDbContext db, Payment payment, PaymentStatus status, decimal captured, decimal outstanding, string? reason, CancellationToken ct)
    {
        payment.Status = status;
        payment.CapturedAmount = captured;
        payment.OutstandingAmount = outstanding;
        payment.FailureReason = reason;
        payment.UpdatedAt = time.GetUtcNow();
        db.Entry(payment).Property(p => p.Status).IsModified = true;
        await db.SaveChangesAsync(ct);
    }
}
