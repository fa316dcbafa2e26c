using Stripe;

namespace ChargePortal.Web.Payments;

/// <summary>
/// The Stripe API client of the app, made once. The API base comes from Stripe:ApiBase so tests can use a
/// stand-in. Only used when Stripe:SecretKey is set.
/// </summary>
public sealed class StripeConnection(StripeOptions options)
{
    private readonly Lazy<StripeClient> _client = new(() => string.IsNullOrWhiteSpace(options.SecretKey)
        ? throw new InvalidOperationException("Stripe is not configured (Stripe:SecretKey is empty).")
        : new StripeClient(options.SecretKey, apiBase: options.ApiBase.TrimEnd('/')));

    public StripeClient Client => _client.Value;

    /// <summary>Test keys (sk_test_…/rk_test_…) move no real money.</summary>
    public bool IsTestMode => options.SecretKey.Contains("_test_", StringComparison.Ordinal);
}
