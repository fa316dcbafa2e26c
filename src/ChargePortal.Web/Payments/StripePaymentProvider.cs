using Stripe;

namespace ChargePortal.Web.Payments;

/// <summary>Holds on the driver's saved card: PaymentIntents with manual capture, confirmed at once.</summary>
public sealed class StripePaymentProvider(StripeConnection stripe, ILogger<StripePaymentProvider> logger) : IPaymentProvider
{
    public const string NeedsAuthentication =
        "Your bank asks to confirm this payment (3-D Secure), which the app cannot do during a hold; nothing was held. Try another card.";

    public const string AuthenticationNotCompleted = "Your bank did not confirm the payment; nothing was held.";

    private StripeClient Client => stripe.Client;

    public PaymentProviderKind Kind => PaymentProviderKind.Stripe;

    public bool IsTestMode => stripe.IsTestMode;

    public async Task<ProviderResult> PlaceHoldAsync(HoldRequest request, CancellationToken ct)
    {
        var create = new PaymentIntentCreateOptions
        {
            Amount = MinorUnits.From(request.Amount, request.Currency),
            Currency = request.Currency.ToLowerInvariant(),
            CaptureMethod = "manual",
            Confirm = true,
            Customer = request.CustomerId,
            PaymentMethod = request.PaymentMethodId,
            OffSession = request.OffSession ? true : null,
            // The saved card only, and no redirect methods: the app has no return page for those.
            AllowedPaymentMethodTypes = ["card"],
            Description = request.Description,
            Metadata = new Dictionary<string, string>(request.Metadata),
            // With a return address Stripe answers 3-D Secure with a bank page to send the driver to (redirect_to_url).
            ReturnUrl = request.AuthenticationReturnUrl?.AbsoluteUri,
        };
        try
        {
            var intent = await new PaymentIntentService(Client).CreateAsync(create, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, ct);
            if (intent.Status == "requires_capture")
            {
                return ProviderResult.Ok(intent.Id);
            }

            if (intent.Status == "requires_action" && request.AuthenticationReturnUrl is not null
                && intent.NextAction?.Type == "redirect_to_url" && Uri.TryCreate(intent.NextAction.RedirectToUrl?.Url, UriKind.Absolute, out var bank))
            {
                return ProviderResult.AwaitingAuthentication(intent.Id, bank);
            }

            // e.g. requires_action with no driver to confirm it: the app cannot complete that, so it is cancelled at once.
            // An intent waiting for the driver holds no money, so one Stripe cannot cancel right now is left to expire.
            try
            {
                await CancelAsync(intent.Id, ct);
            }
            catch (PaymentProviderUnavailableException e)
            {
                logger.LogWarning(e, "Could not cancel unconfirmed intent {Id}; it expires on its own", intent.Id);
            }

            return ProviderResult.Failed(intent.Status == "requires_action" ? NeedsAuthentication : $"The card could not be authorised (status {intent.Status}).", intent.Id);
        }
        catch (Exception e) when (IsUnavailable(e, ct))
        {
            throw new PaymentProviderUnavailableException($"Stripe did not answer the hold ({request.IdempotencyKey}): {e.Message}", e);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe hold failed: {Code} {Message}", e.StripeError?.Code, e.Message);
            return ProviderResult.Failed(Describe(e), e.StripeError?.PaymentIntent?.Id);
        }
    }

    public async Task<ProviderResult> CheckAuthenticationAsync(string providerPaymentId, CancellationToken ct)
    {
        PaymentIntent intent;
        try
        {
            intent = await new PaymentIntentService(Client).GetAsync(providerPaymentId, null, null, ct);
        }
        catch (Exception e) when (IsUnavailable(e, ct))
        {
            throw new PaymentProviderUnavailableException($"Stripe did not answer about {providerPaymentId}: {e.Message}", e);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe lookup of {Id} failed: {Code} {Message}", providerPaymentId, e.StripeError?.Code, e.Message);
            return ProviderResult.Failed(Describe(e), providerPaymentId);
        }

        if (intent.Status == "requires_capture")
        {
            return ProviderResult.Ok(intent.Id);
        }

        // A failed authentication sends the intent back to requires_payment_method, with the bank's reason.
        var reason = intent.LastPaymentError?.Message is { Length: > 0 } why ? $"{AuthenticationNotCompleted} ({why})" : AuthenticationNotCompleted;
        return ProviderResult.Failed(reason, intent.Id);
    }

    public async Task<IReadOnlyList<string>> FindOpenHoldsAsync(int paymentId, CancellationToken ct)
    {
        var query = FormattableString.Invariant($"metadata['paymentId']:'{paymentId}'");
        try
        {
            var found = await new PaymentIntentService(Client).SearchAsync(new PaymentIntentSearchOptions { Query = query, Limit = 10 }, null, ct);
            return [.. found.Data.Where(i => i.Status is not ("canceled" or "succeeded")).Select(i => i.Id)];
        }
        catch (Exception e) when (IsUnavailable(e, ct))
        {
            throw new PaymentProviderUnavailableException($"Stripe did not answer the search for payment {paymentId}: {e.Message}", e);
        }
        catch (StripeException e)
        {
            // A refusal (e.g. search not available on the account) is as unknown as no answer: the caller tries later.
            throw new PaymentProviderUnavailableException($"Stripe refused the search for payment {paymentId}: {e.StripeError?.Message ?? e.Message}", e);
        }
    }

    public Task<ProviderResult> CaptureAsync(string providerPaymentId, decimal amount, string currency, CancellationToken ct) =>
        CallAsync(providerPaymentId, "capture", () => new PaymentIntentService(Client).CaptureAsync(providerPaymentId,
            new PaymentIntentCaptureOptions { AmountToCapture = MinorUnits.From(amount, currency) }, new RequestOptions { IdempotencyKey = $"capture-{providerPaymentId}" }, ct), ct);

    public Task<ProviderResult> CancelAsync(string providerPaymentId, CancellationToken ct) =>
        CallAsync(providerPaymentId, "cancel", () => new PaymentIntentService(Client).CancelAsync(providerPaymentId, new PaymentIntentCancelOptions(), new RequestOptions { IdempotencyKey = $"cancel-{providerPaymentId}" }, ct), ct);

    public Task<ProviderResult> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotencyKey, CancellationToken ct) =>
        CallAsync(providerPaymentId, "refund", () => new RefundService(Client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = providerPaymentId, Amount = MinorUnits.From(amount, currency) }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct), ct);

    /// <summary>
    /// A call on an existing intent. Stripe's answer that it will not do it is a result; Stripe not answering
    /// (<see cref="IsUnavailable"/>) is <see cref="PaymentProviderUnavailableException"/>: the outcome is unknown and the
    /// caller may retry.
    /// </summary>
    private async Task<ProviderResult> CallAsync<T>(string providerPaymentId, string what, Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            await call();
            return ProviderResult.Ok(providerPaymentId);
        }
        catch (Exception e) when (IsUnavailable(e, ct))
        {
            throw new PaymentProviderUnavailableException($"Stripe did not answer the {what} of {providerPaymentId}: {e.Message}", e);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe {What} of {Id} failed: {Code} {Message}", what, providerPaymentId, e.StripeError?.Code, e.Message);
            return ProviderResult.Failed(Describe(e), providerPaymentId);
        }
    }

    /// <summary>
    /// Stripe did not decide anything: no connection, a timeout (not our own cancellation), or a 5xx / rate limit still
    /// there after Stripe.net's own retries.
    /// </summary>
    private static bool IsUnavailable(Exception e, CancellationToken ct) => e switch
    {
        StripeException stripeError => (int)stripeError.HttpStatusCode >= 500 || stripeError.HttpStatusCode == System.Net.HttpStatusCode.TooManyRequests,
        HttpRequestException => true,
        TaskCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };

    private static string Describe(StripeException e) => e.StripeError?.Code switch
    {
        "card_declined" => "The card was declined" + (e.StripeError.DeclineCode is { } d ? $" ({d.Replace('_', ' ')})." : "."),
        "expired_card" => "The card has expired.",
        "insufficient_funds" => "The card has insufficient funds.",
        "authentication_required" => NeedsAuthentication,
        _ => string.IsNullOrWhiteSpace(e.StripeError?.Message) ? "The payment provider refused the request." : e.StripeError.Message,
    };
}
