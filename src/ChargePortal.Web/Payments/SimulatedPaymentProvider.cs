using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Payments.Pages;

namespace ChargePortal.Web.Payments;

/// <summary>
/// Used when no Stripe key is configured: nothing is charged, and the UI says "test mode — no real charge"
/// whenever this provider is active. Cards come from the test-mode add-card form and behave like Stripe's
/// test cards (4242… holds succeed, 4000 0000 0000 0002 is declined); the behaviour travels in the simulated
/// PaymentMethod id, so every node answers the same without shared state.
/// </summary>
public sealed class SimulatedPaymentProvider : IPaymentProvider
{
    private const string Prefix = "pm_sim_";

    public PaymentProviderKind Kind => PaymentProviderKind.Simulated;

    public bool IsTestMode => true;

    /// <summary>A new simulated PaymentMethod id for a card that behaves as <paramref name="behavior"/>.</summary>
    public static string NewPaymentMethodId(TestCardBehavior behavior) =>
        $"{Prefix}{behavior.ToString().ToLowerInvariant()}_{Guid.NewGuid():N}";

    public static TestCardBehavior? BehaviorOf(string paymentMethodId)
    {
        if (!paymentMethodId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = paymentMethodId.AsSpan(Prefix.Length);
        var end = rest.IndexOf('_');
        return end > 0 && Enum.TryParse<TestCardBehavior>(rest[..end], ignoreCase: true, out var behavior) && Enum.IsDefined(behavior) ? behavior : null;
    }

    public Task<ProviderResult> PlaceHoldAsync(HoldRequest request, CancellationToken ct)
    {
        if (request.Amount <= 0m)
        {
            return Task.FromResult(ProviderResult.Failed("The hold amount must be more than zero."));
        }

        var id = "sim_" + Guid.NewGuid().ToString("N");
        return Task.FromResult(BehaviorOf(request.PaymentMethodId) switch
        {
            TestCardBehavior.Succeeds => ProviderResult.Ok(id),
            TestCardBehavior.Declined => ProviderResult.Failed("The card was declined (generic decline).", id),
            TestCardBehavior.InsufficientFunds => ProviderResult.Failed("The card has insufficient funds.", id),
            TestCardBehavior.RequiresAuthentication when request.AuthenticationReturnUrl is not null =>
                ProviderResult.AwaitingAuthentication(id, TestBank.PageFor(id)),
            TestCardBehavior.RequiresAuthentication => ProviderResult.Failed(StripePaymentProvider.NeedsAuthentication, id),
            _ => ProviderResult.Failed("This card was not saved in test mode; add it again."),
        });
    }

    /// <summary>
    /// The test bank page records the driver's answer on the payment itself (see <see cref="HoldAuthentication.RecordTestBankAnswerAsync"/>),
    /// so a payment still waiting when this is asked was never answered.
    /// </summary>
    public Task<ProviderResult> CheckAuthenticationAsync(string providerPaymentId, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Failed(StripePaymentProvider.AuthenticationNotCompleted, providerPaymentId));

    /// <summary>The simulated provider always answers, so no hold of its is ever unknown.</summary>
    public Task<IReadOnlyList<string>> FindOpenHoldsAsync(int paymentId, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<ProviderResult> CaptureAsync(string providerPaymentId, decimal amount, string currency, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Ok(providerPaymentId));

    public Task<ProviderResult> CancelAsync(string providerPaymentId, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Ok(providerPaymentId));

    public Task<ProviderResult> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Ok(providerPaymentId));
}
