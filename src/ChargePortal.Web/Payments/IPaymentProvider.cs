namespace ChargePortal.Web.Payments;

/// <summary>
/// A hold on the driver's saved card: <paramref name="CustomerId"/> is the Stripe Customer (null when simulated);
/// <paramref name="OffSession"/> when the driver is not there to confirm (the remainder charged after a session).
/// With <paramref name="AuthenticationReturnUrl"/> the driver is there and can confirm with their bank (3-D Secure):
/// a bank that asks for it gives <see cref="ProviderResult.AuthenticationUrl"/>, and the bank sends the driver back
/// to this address with <c>payment_intent=&lt;provider payment id&gt;</c> added to its query.
/// </summary>
public sealed record HoldRequest(
    decimal Amount,
    string Currency,
    string Description,
    string IdempotencyKey,
    IReadOnlyDictionary<string, string> Metadata,
    string? CustomerId,
    string PaymentMethodId,
    bool OffSession = false,
    Uri? AuthenticationReturnUrl = null);

/// <summary>
/// What a provider call did. <see cref="Error"/> is plain words a driver or operator can read. A hold that waits
/// for the driver to confirm with their bank has neither succeeded nor failed: it has <see cref="AuthenticationUrl"/>.
/// </summary>
public sealed record ProviderResult(bool Succeeded, string? ProviderPaymentId = null, string? Error = null, Uri? AuthenticationUrl = null)
{
    public bool NeedsAuthentication => AuthenticationUrl is not null;

    public static ProviderResult Ok(string providerPaymentId) => new(true, providerPaymentId);

    public static ProviderResult Failed(string error, string? providerPaymentId = null) => new(false, providerPaymentId, error);

    public static ProviderResult AwaitingAuthentication(string providerPaymentId, Uri authenticationUrl) =>
        new(false, providerPaymentId, null, authenticationUrl);
}

/// <summary>
/// The provider did not answer (unreachable, timed out, failing on its side): what it did is unknown. Calls are made
/// with idempotency keys, so the same call may be retried later.
/// </summary>
public sealed class PaymentProviderUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// A card processor: holds, captures, releases and refunds. Amounts are in major units (e.g. euros). A refusal is a
/// failed <see cref="ProviderResult"/>; a provider that cannot be reached throws <see cref="PaymentProviderUnavailableException"/>.
/// </summary>
public interface IPaymentProvider
{
    PaymentProviderKind Kind { get; }

    /// <summary>True when no real money moves (simulated provider or Stripe test keys).</summary>
    bool IsTestMode { get; }

    Task<ProviderResult> PlaceHoldAsync(HoldRequest request, CancellationToken ct);

    /// <summary>
    /// After the driver came back from their bank: succeeded when the hold is now in place, failed when the bank
    /// refused or the driver gave up (the hold is then not in place, and may be cancelled).
    /// </summary>
    Task<ProviderResult> CheckAuthenticationAsync(string providerPaymentId, CancellationToken ct);

    /// <summary>
    /// The provider's holds made for <paramref name="paymentId"/> (by the paymentId metadata every hold carries) that
    /// are still open: neither captured nor cancelled. For a hold whose placement went unanswered.
    /// </summary>
    Task<IReadOnlyList<string>> FindOpenHoldsAsync(int paymentId, CancellationToken ct);

    Task<ProviderResult> CaptureAsync(string providerPaymentId, decimal amount, string currency, CancellationToken ct);

    Task<ProviderResult> CancelAsync(string providerPaymentId, CancellationToken ct);

    Task<ProviderResult> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotencyKey, CancellationToken ct);
}

/// <summary>Minor units (cents) per currency; the few zero-decimal ISO currencies Stripe knows are whole units.</summary>
public static class MinorUnits
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    public static long From(decimal amount, string currency) =>
        (long)decimal.Round(ZeroDecimal.Contains(currency) ? amount : amount * 100m, 0, MidpointRounding.AwayFromZero);

    public static decimal To(long minor, string currency) => ZeroDecimal.Contains(currency) ? minor : minor / 100m;
}
