namespace ChargePortal.Web.Payments;

/// <summary>Stripe settings. An empty SecretKey (the embedded default) selects the simulated provider.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";
    public const string DefaultApiBase = "https://api.stripe.com";

    public string SecretKey { get; set; } = "";
    public string PublishableKey { get; set; } = "";
    public string WebhookSecret { get; set; } = "";
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>
    /// The PaymentMethod holds are confirmed with. The portal has no card-entry form yet (Stripe.js must be
    /// loaded from js.stripe.com, which the no-CDN rule forbids), so test mode uses Stripe's test card.
    /// </summary>
    public string PaymentMethod { get; set; } = "pm_card_visa";
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

    /// <summary>Amount held on the card before charging starts, in the site currency.</summary>
    public decimal HoldAmount { get; set; } = 50m;
    public OverHoldPolicy OverHoldPolicy { get; set; } = OverHoldPolicy.Flag;
}
