using Stripe;

namespace ChargePortal.Web.Payments;

/// <summary>Stripe PaymentIntents with manual capture. The API base comes from Stripe:ApiBase so tests can use a stand-in.</summary>
public sealed class StripePaymentProvider(StripeOptions options, ILogger<StripePaymentProvider> logger) : IPaymentProvider
{
    private readonly StripeClient _client = new(options.SecretKey, apiBase: options.ApiBase.TrimEnd('/'));

    public PaymentProviderKind Kind => PaymentProviderKind.Stripe;

    public bool IsTestMode => options.SecretKey.StartsWith("sk_test_", StringComparison.Ordinal);

    public async Task<ProviderResult> PlaceHoldAsync(HoldRequest request, CancellationToken ct)
    {
        var create = new PaymentIntentCreateOptions
        {
            Amount = MinorUnits.From(request.Amount, request.Currency),
            Currency = request.Currency.ToLowerInvariant(),
            CaptureMethod = "manual",
            Confirm = true,
            PaymentMethod = options.PaymentMethod,
            // Cards only, no redirect methods: the app has no return page for those.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Description = request.Description,
            Metadata = new Dictionary<string, string>(request.Metadata),
        };
        try
        {
            var intent = await new PaymentIntentService(_client).CreateAsync(create, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, ct);
            if (intent.Status == "requires_capture")
            {
                return ProviderResult.Ok(intent.Id);
            }

            // e.g. requires_action (3-D Secure): the app cannot complete that yet, so the hold is released at once.
            await CancelAsync(intent.Id, ct);
            return ProviderResult.Failed($"The card needs an extra step the app does not support yet (status {intent.Status}).", intent.Id);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe hold failed: {Code} {Message}", e.StripeError?.Code, e.Message);
            return ProviderResult.Failed(Describe(e), e.StripeError?.PaymentIntent?.Id);
        }
    }

    public Task<ProviderResult> CaptureAsync(string providerPaymentId, decimal amount, string currency, CancellationToken ct) =>
        CallAsync(providerPaymentId, "capture", () => new PaymentIntentService(_client).CaptureAsync(providerPaymentId,
            new PaymentIntentCaptureOptions { AmountToCapture = MinorUnits.From(amount, currency) }, new RequestOptions { IdempotencyKey = $"capture-{providerPaymentId}" }, ct));

    public Task<ProviderResult> CancelAsync(string providerPaymentId, CancellationToken ct) =>
        CallAsync(providerPaymentId, "cancel", () => new PaymentIntentService(_client).CancelAsync(providerPaymentId, new PaymentIntentCancelOptions(), new RequestOptions { IdempotencyKey = $"cancel-{providerPaymentId}" }, ct));

    public Task<ProviderResult> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotencyKey, CancellationToken ct) =>
        CallAsync(providerPaymentId, "refund", () => new RefundService(_client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = providerPaymentId, Amount = MinorUnits.From(amount, currency) }, new RequestOptions { IdempotencyKey = idempotencyKey }, ct));

    private async Task<ProviderResult> CallAsync<T>(string providerPaymentId, string what, Func<Task<T>> call)
    {
        try
        {
            await call();
            return ProviderResult.Ok(providerPaymentId);
        }
        catch (StripeException e)
        {
            logger.LogWarning("Stripe {What} of {Id} failed: {Code} {Message}", what, providerPaymentId, e.StripeError?.Code, e.Message);
            return ProviderResult.Failed(Describe(e), providerPaymentId);
        }
    }

    private static string Describe(StripeException e) => e.StripeError?.Code switch
    {
        "card_declined" => "The card was declined" + (e.StripeError.DeclineCode is { } d ? $" ({d.Replace('_', ' ')})." : "."),
        "expired_card" => "The card has expired.",
        "insufficient_funds" => "The card has insufficient funds.",
        _ => string.IsNullOrWhiteSpace(e.StripeError?.Message) ? "The payment provider refused the request." : e.StripeError.Message,
    };
}
