namespace ChargePortal.Web.Payments;

/// <summary>
/// Used when no Stripe key is configured: every hold succeeds and nothing is charged. The UI says
/// "test mode — no real charge" whenever this provider is active.
/// </summary>
public sealed class SimulatedPaymentProvider : IPaymentProvider
{
    public PaymentProviderKind Kind => PaymentProviderKind.Simulated;

    public bool IsTestMode => true;

    public Task<ProviderResult> PlaceHoldAsync(HoldRequest request, CancellationToken ct) =>
        Task.FromResult(request.Amount <= 0m
            ? ProviderResult.Failed("The hold amount must be more than zero.")
            : ProviderResult.Ok("sim_" + Guid.NewGuid().ToString("N")));

    public Task<ProviderResult> CaptureAsync(string providerPaymentId, decimal amount, string currency, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Ok(providerPaymentId));

    public Task<ProviderResult> CancelAsync(string providerPaymentId, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Ok(providerPaymentId));

    public Task<ProviderResult> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Ok(providerPaymentId));
}
