using ChargePortal.Web.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments;

/// <summary>A session that cost more than its hold: the rest flagged for an operator, or charged off-session (Payments:OverHoldPolicy).</summary>
public sealed partial class PaymentService
{
    private async Task SettleRestAsync(Payment payment, decimal rest, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (options.OverHoldPolicy == OverHoldPolicy.Flag)
        {
            await db.Payments.Where(p => p.Id == payment.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.OutstandingAmount, rest)
                .SetProperty(p => p.FailureReason, $"Cost exceeded the hold by {rest:0.00} {payment.Currency}; not charged (Payments:OverHoldPolicy=Flag)."), ct);
            logger.LogWarning("Session {TransactionId} cost {Rest} {Currency} more than the hold; flagged", payment.TransactionId, rest, payment.Currency);
            return;
        }

        // ChargeRest: a second hold for the remainder, captured at once.
        var now = time.GetUtcNow();
        var extra = new Payment
        {
            UserId = payment.UserId,
            Provider = provider.Kind,
            TransactionId = payment.TransactionId,
            StationId = payment.StationId,
            ConnectorId = payment.ConnectorId,
            IdTag = payment.IdTag,
            Currency = payment.Currency,
            HoldAmount = rest,
            ProviderCustomerId = payment.ProviderCustomerId,
            PaymentMethodId = payment.PaymentMethodId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Payments.Add(extra);
        await db.SaveChangesAsync(ct);
        var unreachable = ProviderResult.Failed("The payment provider could not be reached; the remainder was not charged.");
        ProviderResult hold = unreachable, capture;
        try
        {
            hold = await provider.PlaceHoldAsync(new HoldRequest(rest, payment.Currency, $"Remainder of session {payment.TransactionId}", $"rest-{payment.Id}",
                new Dictionary<string, string> { ["paymentId"] = extra.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                payment.ProviderCustomerId, payment.PaymentMethodId ?? "", OffSession: true), ct);
            capture = hold.Succeeded ? await provider.CaptureAsync(hold.ProviderPaymentId!, rest, payment.Currency, ct) : hold;
        }
        catch (PaymentProviderUnavailableException e)
        {
            // No job retries an off-session charge: the remainder is left outstanding for the operator, with the reason.
            // A remainder hold placed unanswered is released like any other (UnansweredHolds).
            logger.LogWarning(e, "Remainder of session {TransactionId} not charged: the provider did not answer", payment.TransactionId);
            capture = unreachable;
            extra.HoldOutcomeUnknown = true;
        }

        extra.ProviderPaymentId = hold.ProviderPaymentId;
        extra.Status = capture.Succeeded ? PaymentStatus.Captured : PaymentStatus.Failed;
        extra.CapturedAmount = capture.Succeeded ? rest : 0m;
        extra.OutstandingAmount = capture.Succeeded ? 0m : rest;
        extra.FailureReason = capture.Error;
        extra.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        metrics.Outcome(PaymentOperation.Remainder, extra.HoldOutcomeUnknown ? PaymentOutcome.Unanswered
            : capture.Succeeded ? PaymentOutcome.Captured : PaymentOutcome.Failed);
        if (capture.Succeeded)
        {
            metrics.Amount(PaymentOperation.Remainder, rest, payment.Currency);
        }
    }
}
