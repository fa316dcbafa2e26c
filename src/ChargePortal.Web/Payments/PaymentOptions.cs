using System.ComponentModel.DataAnnotations;
namespace ChargePortal.Web.Payments;

/// <summary>Stripe settings. An empty SecretKey selects the simulated provider in Development (see <see cref="PaymentProviderSelection"/>).</summary>
public sealed class StripeOptions : IValidatableObject
{
    public const string Section = "Stripe";
    public const string DefaultApiBase = "https://api.stripe.com";

    public string SecretKey { get; set; } = "";
    public string PublishableKey { get; set; } = "";
    public string WebhookSecret { get; set; } = "";
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>Largest webhook body read; a larger one is refused (413) before a byte of it is parsed or its signature checked.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int WebhookMaxBytes { get; set; } = 256 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(ApiBase, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult($"'{ApiBase}' is not an absolute http(s) URL.", [nameof(ApiBase)]);
        }
    }
}

public enum OverHoldPolicy
{
    /// <summary>Capture the hold and record the rest as outstanding for an operator.</summary>
    Flag,

    /// <summary>Capture the hold and charge the rest as a separate immediate payment.</summary>
    ChargeRest,
}

public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>
    /// <c>Stripe</c> or <c>Simulated</c>; unset: Stripe when Stripe:SecretKey is set, else simulated in Development only
    /// (see <see cref="PaymentProviderSelection"/>).
    /// </summary>
    public PaymentProviderKind? Provider { get; set; }

    /// <summary>Amount held on the card before charging starts, in the site currency.</summary>
    public decimal HoldAmount { get; set; } = 50m;
    public OverHoldPolicy OverHoldPolicy { get; set; } = OverHoldPolicy.Flag;

    /// <summary>
    /// How long a hold may wait for its session after the station accepted the remote start; then it is released.
    /// Stations give up waiting for a cable after their own connection timeout, usually a minute or two.
    /// </summary>
    public TimeSpan UnusedHoldTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How RFID sessions at a station on no site are paid (a site sets its own on the Sites page).</summary>
    public Sites.RfidBillingPolicy RfidBilling { get; set; } = Sites.RfidBillingPolicy.PostPaid;
}
