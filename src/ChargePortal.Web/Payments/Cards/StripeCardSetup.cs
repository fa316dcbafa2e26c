using Stripe;
using Stripe.Checkout;

namespace ChargePortal.Web.Payments.Cards;

/// <summary>A checkout the driver is sent to: its id and Stripe's hosted page.</summary>
public sealed record CheckoutStart(string SessionId, Uri Url);

/// <summary>What a retrieved Checkout Session says: whose it is, whether it saved a card, and that card.</summary>
public sealed record CheckoutState(string SessionId, string? CustomerId, string Mode, string? Status, string? SetupIntentStatus, StripeCard? Card);

public sealed record StripeCard(string PaymentMethodId, string Brand, string Last4, int ExpMonth, int ExpYear);

/// <summary>A Stripe call that failed, in words a driver can read.</summary>
public sealed class StripeCardSetupException(string message, string? code, Exception inner) : Exception(message, inner)
{
    public string? Code { get; } = code;
}

/// <summary>
/// Saving a card with Stripe: a Customer per driver and hosted Checkout in setup mode (card entry happens on
/// Stripe's page, so the portal loads no Stripe.js and never sees a card number).
/// </summary>
public sealed class StripeCardSetup(StripeConnection stripe, ILogger<StripeCardSetup> logger)
{
    public async Task<string> CreateCustomerAsync(string userId, string? email, CancellationToken ct)
    {
        var options = new CustomerCreateOptions { Email = email, Metadata = new() { ["userId"] = userId } };
        // Two first uses at once (two tabs) get the same Customer back.
        var customer = await CallAsync("create customer", () => new CustomerService(stripe.Client).CreateAsync(options,
            new RequestOptions { IdempotencyKey = $"customer-{userId}" }, ct));
        return customer.Id;
    }

    public async Task<CheckoutStart> CreateCheckoutAsync(string customerId, string userId, Uri successUrl, Uri cancelUrl, CancellationToken ct)
    {
        var options = new SessionCreateOptions
        {
            Mode = "setup",
            Customer = customerId,
            AllowedPaymentMethodTypes = ["card"],
            // Stripe swaps {CHECKOUT_SESSION_ID} for the session's id; Uri would escape the braces, so they are restored.
            SuccessUrl = successUrl.AbsoluteUri.Replace("%7BCHECKOUT_SESSION_ID%7D", "{CHECKOUT_SESSION_ID}", StringComparison.OrdinalIgnoreCase),
            CancelUrl = cancelUrl.AbsoluteUri,
            ClientReferenceId = userId,
            Metadata = new() { ["userId"] = userId },
            SetupIntentData = new SessionSetupIntentDataOptions { Description = "ChargePortal charging card", Metadata = new() { ["userId"] = userId } },
        };
        var session = await CallAsync("create checkout", () => new SessionService(stripe.Client).CreateAsync(options, null, ct));
        return new CheckoutStart(session.Id, new Uri(session.Url));
    }

    /// <summary>The session with its SetupIntent and PaymentMethod expanded (webhook payloads carry only ids).</summary>
    public async Task<CheckoutState> GetCheckoutAsync(string sessionId, CancellationToken ct)
    {
        var options = new SessionGetOptions { Expand = ["setup_intent.payment_method"] };
        var session = await CallAsync("retrieve checkout", () => new SessionService(stripe.Client).GetAsync(sessionId, options, null, ct));
        var method = session.SetupIntent?.PaymentMethod;
        var card = method?.Card is { } c && method.Type == "card"
            ? new StripeCard(method.Id, c.Brand, c.Last4, (int)c.ExpMonth, (int)c.ExpYear)
            : null;
        return new CheckoutState(session.Id, session.CustomerId, session.Mode, session.Status, session.SetupIntent?.Status, card);
    }

    /// <summary>Detaches a card from its Customer; a card Stripe no longer knows is already gone.</summary>
    public async Task DetachAsync(string paymentMethodId, CancellationToken ct)
    {
        try
        {
            await new PaymentMethodService(stripe.Client).DetachAsync(paymentMethodId, null, null, ct);
        }
        catch (StripeException e) when (e.StripeError?.Code == "resource_missing" || e.StripeError?.Code == "payment_method_unexpected_state")
        {
            logger.LogInformation("Payment method {Id} was already detached", paymentMethodId);
        }
        catch (StripeException e)
        {
            throw Failed("detach card", e);
        }
    }

    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException e)
        {
            throw Failed(what, e);
        }
    }

    private StripeCardSetupException Failed(string what, StripeException e)
    {
        logger.LogWarning("Stripe {What} failed: {Code} {Message}", what, e.StripeError?.Code, e.Message);
        var message = e.StripeError?.Code == "resource_missing"
            ? "Stripe does not know this checkout."
            : "Stripe could not be reached or refused the request; please try again.";
        return new StripeCardSetupException(message, e.StripeError?.Code, e);
    }
}
