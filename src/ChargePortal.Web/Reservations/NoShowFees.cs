using System.Globalization;
using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Telemetry;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Reservations;

/// <summary>
/// Charges the no-show fee of a held reservation nobody used to the driver's saved card: a PaymentIntent confirmed
/// off-session through the payments provider (Stripe, or the simulated one), captured at once, with a receipt mailed.
/// A reservation is charged at most once: its payment is claimed on the reservation before the provider is called,
/// and the provider call carries an idempotency key of the reservation. A card the provider refuses, or a driver who
/// removed their card, leaves the fee outstanding on the payment for the operator, with the reason.
/// </summary>
public sealed class NoShowFees(
    IDbContextFactory<AppDbContext> dbFactory,
    IPaymentProvider provider,
    PaymentCards cards,
    TariffResolver tariffs,
    IMailTransport mail,
    PaymentMetrics metrics,
    TimeProvider time,
    ILogger<NoShowFees> logger)
{
    /// <summary>Charges every no-show whose fee has not been charged yet; returns how many were tried.</summary>
    public async Task<int> ChargeDueAsync(CancellationToken ct)
    {
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.Reservations.Where(r => r.Status == ReservationStatus.NoShow && r.NoShowFee > 0 && r.NoShowPaymentId == null && r.UserId != null)
                .OrderBy(r => r.Id).Select(r => r.Id).Take(50).ToListAsync(ct);
        }

        foreach (var id in due)
        {
            await ChargeAsync(id, ct);
        }

        return due.Count;
    }

    public async Task<Payment?> ChargeAsync(int reservationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reservation = await db.Reservations.Include(r => r.Connector).ThenInclude(c => c!.Station).ThenInclude(s => s!.Site).Include(r => r.User)
            .FirstOrDefaultAsync(r => r.Id == reservationId && r.Status == ReservationStatus.NoShow && r.NoShowPaymentId == null, ct);
        if (reservation is not { NoShowFee: > 0 and var fee, UserId: { } userId })
        {
            return null;
        }

        var card = await cards.GetAsync(userId, ct);
        var tariff = await tariffs.ForConnectorAsync(reservation.StationId, reservation.Connector!.ConnectorId, reservation.StartsAt, ct);
        var now = time.GetUtcNow();
        var payment = new Payment
        {
            UserId = userId,
            Provider = provider.Kind,
            StationId = reservation.StationId,
            ConnectorId = reservation.Connector.ConnectorId,
            Currency = tariff?.Currency ?? "EUR",
            HoldAmount = fee,
            ProviderCustomerId = card?.CustomerId,
            PaymentMethodId = card?.PaymentMethodId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(ct);

        // The claim: only the pass that links its payment to the reservation charges it.
        var claimed = await db.Reservations.Where(r => r.Id == reservationId && r.NoShowPaymentId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.NoShowPaymentId, payment.Id), ct);
        if (claimed == 0)
        {
            db.Payments.Remove(payment);
            await db.SaveChangesAsync(ct);
            return null;
        }

        var result = card is null
            ? ProviderResult.Failed("The driver has no saved card any more; the no-show fee was not charged.")
            : await ChargeCardAsync(payment, reservation, card, ct);
        payment.ProviderPaymentId = result.ProviderPaymentId;
        payment.Status = result.Succeeded ? PaymentStatus.Captured : PaymentStatus.Failed;
        payment.CapturedAmount = result.Succeeded ? payment.HoldAmount : 0m;
        payment.OutstandingAmount = result.Succeeded ? 0m : payment.HoldAmount;
        payment.FailureReason = result.Error is { } error ? ReservationService.Trim(error) : null;
        payment.UpdatedAt = time.GetUtcNow();
        reservation.StatusDetail = ReservationService.Trim(result.Succeeded
            ? $"Nobody started charging during the slot: a no-show fee of {Money(payment)} was charged to {card!.Label}."
            : $"Nobody started charging during the slot: the no-show fee of {Money(payment)} could not be charged ({result.Error}).");
        await db.SaveChangesAsync(ct);
        metrics.Outcome(PaymentOperation.NoShowFee, result.Succeeded ? PaymentOutcome.Captured : PaymentOutcome.Failed);
        if (result.Succeeded)
        {
            metrics.Amount(PaymentOperation.NoShowFee, payment.CapturedAmount, payment.Currency);
        }
        logger.LogInformation("No-show fee of reservation {ReservationId}: {Status}", reservationId, payment.Status);

        if (result.Succeeded && reservation.User?.Email is { Length: > 0 } email)
        {
            await MailReceiptAsync(email, reservation, payment, card!, ct);
        }

        return payment;
    }

    private async Task<ProviderResult> ChargeCardAsync(Payment payment, Reservation reservation, SavedCard card, CancellationToken ct)
    {
        try
        {
            var hold = await provider.PlaceHoldAsync(new HoldRequest(payment.HoldAmount, payment.Currency,
                $"No-show fee, reservation {reservation.Id} at {reservation.StationId}", $"noshow-{reservation.Id}",
                new Dictionary<string, string>
                {
                    ["paymentId"] = payment.Id.ToString(CultureInfo.InvariantCulture),
                    ["reservationId"] = reservation.Id.ToString(CultureInfo.InvariantCulture),
                },
                card.CustomerId, card.PaymentMethodId, OffSession: true), ct);
            return hold.Succeeded ? await provider.CaptureAsync(hold.ProviderPaymentId!, payment.HoldAmount, payment.Currency, ct) : hold;
        }
        catch (PaymentProviderUnavailableException e)
        {
            // Not retried (an off-session charge the driver did not see coming is not repeated blindly): the fee stays
            // outstanding for the operator, and a hold placed unanswered is found and released like any other.
            logger.LogWarning(e, "No-show fee of reservation {ReservationId} not charged: the provider did not answer", reservation.Id);
            payment.HoldOutcomeUnknown = true;
            return ProviderResult.Failed("The payment provider could not be reached.");
        }
    }

    private async Task MailReceiptAsync(string email, Reservation reservation, Payment payment, SavedCard card, CancellationToken ct)
    {
        var zone = reservation.Connector?.Station?.Site?.TimeZoneId;
        var start = SiteTime.Local(reservation.StartsAt, zone);
        var end = SiteTime.Local(reservation.EndsAt, zone);
        var station = WebUtility.HtmlEncode(reservation.Connector?.Station?.Name ?? reservation.StationId);
        var html = string.Create(CultureInfo.InvariantCulture,
            $"<h1>No-show fee receipt</h1><p>Reservation {reservation.Id} at {station}, connector {reservation.Connector?.ConnectorId}, " +
            $"{start:yyyy-MM-dd HH:mm}–{end:HH:mm} ({WebUtility.HtmlEncode(zone ?? "UTC")}).</p>" +
            $"<p>Nobody started charging during the reserved time, so the no-show fee shown when booking was charged.</p>" +
            $"<p><strong>Total {WebUtility.HtmlEncode(Money(payment))}</strong>, charged to {WebUtility.HtmlEncode(card.Label)}" +
            $"{(provider.IsTestMode ? " (test mode — no real charge)" : "")}. Payment reference {payment.Id}.</p>");
        try
        {
            await mail.SendAsync(new OutgoingMail(email, $"Your no-show fee receipt — reservation {reservation.Id}", html), ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Mail.SmtpException or InvalidOperationException)
        {
            logger.LogWarning(e, "No-show fee receipt mail for reservation {ReservationId} failed", reservation.Id);
        }
    }

    private static string Money(Payment payment) => TariffText.Money(payment.HoldAmount, payment.Currency, CultureInfo.InvariantCulture);
}
