using ChargePortal.Web.Data;
using Microsoft.AspNetCore.Http.Features;
using ChargePortal.Web.Payments.Cards;
using Microsoft.EntityFrameworkCore;
using Stripe;
using Stripe.Checkout;

namespace ChargePortal.Web.Payments;

public enum WebhookOutcome
{
    Processed,
    Ignored,
    Duplicate,
    Rejected,

    /// <summary>Could not be handled now (Stripe unreachable); nothing recorded, so Stripe's retry handles it.</summary>
    RetryLater,
}

public sealed record WebhookResult(WebhookOutcome Outcome, string Message);

/// <summary>
/// Stripe's signed webhooks. A forged or stale signature changes nothing (400); each event id is handled
/// exactly once — the ProcessedWebhookEvent insert is saved in the same unit as the payment change, so a
/// replay (or a concurrent duplicate) fails on the key and changes nothing (200, "already processed").
/// </summary>
public sealed class StripeWebhookHandler(
    IDbContextFactory<AppDbContext> dbFactory,
    StripeOptions options,
    PaymentCards cards,
    TimeProvider time,
    ILogger<StripeWebhookHandler> logger)
{
    public async Task<WebhookResult> HandleAsync(string json, string? signatureHeader, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            return new(WebhookOutcome.Rejected, "Webhooks are not configured (Stripe:WebhookSecret is empty).");
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, signatureHeader ?? "", options.WebhookSecret, throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe webhook rejected: {Message}", e.Message);
            return new(WebhookOutcome.Rejected, "Invalid Stripe-Signature: " + e.Message);
        }
        catch (System.Text.Json.JsonException)
        {
            return new(WebhookOutcome.Rejected, "The body is not a Stripe event.");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return new(WebhookOutcome.Rejected, "The body is not a Stripe event.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ProcessedWebhookEvents.AnyAsync(e => e.EventId == stripeEvent.Id, ct))
        {
            return new(WebhookOutcome.Duplicate, $"Event {stripeEvent.Id} was already processed.");
        }

        bool handled;
        AppliedCheckout? checkout = null;
        try
        {
            if (stripeEvent.Type == EventTypes.CheckoutSessionCompleted && stripeEvent.Data.Object is Session session)
            {
                checkout = await cards.ApplyCompletedCheckoutAsync(db, session.Id, session.CustomerId, ct);
                handled = checkout is not null;
            }
            else
            {
                handled = await ApplyAsync(db, stripeEvent, ct);
            }
        }
        catch (StripeCardSetupException e)
        {
            return new(WebhookOutcome.RetryLater, $"Event {stripeEvent.Id} could not be handled now: {e.Message}");
        }

        db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent { EventId = stripeEvent.Id, Type = stripeEvent.Type, ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The driver's return page saved the same card (or started a new entry) meanwhile: that stands.
            return new(WebhookOutcome.Ignored, $"Nothing to do for {stripeEvent.Type} {stripeEvent.Id}: the card entry changed meanwhile.");
        }
        catch (DbUpdateException)
        {
            // Another delivery of the same event won the insert: its changes stand, ours are discarded.
            return new(WebhookOutcome.Duplicate, $"Event {stripeEvent.Id} was already processed.");
        }

        if (checkout is not null)
        {
            await cards.DetachReplacedAsync(checkout.ReplacedPaymentMethodId, checkout.PaymentMethodId, ct);
        }

        return handled
            ? new(WebhookOutcome.Processed, $"Processed {stripeEvent.Type} {stripeEvent.Id}.")
            : new(WebhookOutcome.Ignored, $"Nothing to do for {stripeEvent.Type} {stripeEvent.Id}.");
    }

    private async Task<bool> ApplyAsync(AppDbContext db, Event stripeEvent, CancellationToken ct)
    {
        var intentId = stripeEvent.Data.Object switch
        {
            PaymentIntent pi => pi.Id,
            Charge charge => charge.PaymentIntentId,
            _ => null,
        };
        var payment = intentId is null ? null : await db.Payments.FirstOrDefaultAsync(p => p.ProviderPaymentId == intentId, ct);
        if (payment is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        switch (stripeEvent.Type, stripeEvent.Data.Object)
        {
            case (EventTypes.PaymentIntentAmountCapturableUpdated, PaymentIntent _) when payment.Status is PaymentStatus.Created or PaymentStatus.AwaitingAuthentication:
                payment.Status = PaymentStatus.Authorized;
                break;
            case (EventTypes.PaymentIntentSucceeded, PaymentIntent pi) when payment.Status is PaymentStatus.Created or PaymentStatus.Authorized or PaymentStatus.Settling:
                payment.Status = PaymentStatus.Captured;
                payment.CapturedAmount = MinorUnits.To(pi.AmountReceived, payment.Currency);
                break;
            case (EventTypes.PaymentIntentPaymentFailed, PaymentIntent pi) when payment.Status is PaymentStatus.Created or PaymentStatus.AwaitingAuthentication or PaymentStatus.Authorized:
                payment.Status = PaymentStatus.Failed;
                payment.FailureReason = pi.LastPaymentError?.Message ?? "The payment failed.";
                break;
            case (EventTypes.PaymentIntentCanceled, PaymentIntent _) when payment.Status is not (PaymentStatus.Captured or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded):
                payment.Status = PaymentStatus.Cancelled;
                break;
            case (EventTypes.ChargeRefunded, Charge charge):
                payment.RefundedAmount = Math.Max(payment.RefundedAmount, MinorUnits.To(charge.AmountRefunded, payment.Currency));
                payment.Status = payment.RefundedAmount >= payment.CapturedAmount && payment.CapturedAmount > 0 ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
                break;
            default:
                return false;
        }

        payment.UpdatedAt = now;
        return true;
    }
}

internal static class StripeWebhookEndpoint
{
    /// <summary>POST /stripe/webhook — anonymous (Stripe calls it); trust comes from the signature alone.</summary>
    public static async Task<IResult> HandleAsync(HttpRequest request, StripeWebhookHandler handler, StripeOptions options, CancellationToken ct)
    {
        var json = await ReadBoundedAsync(request, Math.Max(1, options.WebhookMaxBytes), ct);
        if (json is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
                detail: $"A Stripe event is at most {options.WebhookMaxBytes} bytes here (Stripe:WebhookMaxBytes).");
        }

        var result = await handler.HandleAsync(json, request.Headers["Stripe-Signature"].FirstOrDefault(), ct);
        return result.Outcome switch
        {
            WebhookOutcome.Rejected => Results.BadRequest(new { error = result.Message }),
            WebhookOutcome.RetryLater => Results.Json(new { error = result.Message }, statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => Results.Ok(new { outcome = result.Outcome.ToString(), message = result.Message }),
        };
    }

    /// <summary>The body as text, or null when it is longer than <paramref name="maxBytes"/> (declared or actually sent).</summary>
    private static async Task<string?> ReadBoundedAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        using var body = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null; // stop reading: the rest is never buffered
                }

                body.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }
}
