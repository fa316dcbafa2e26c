using ChargePortal.Web.Accounts;

namespace ChargePortal.Web.Payments;

/// <summary>A card hold for one charging session and what became of it.</summary>
public sealed class Payment
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public long? TransactionId { get; set; }

    /// <summary>Where the hold was placed for, and the idTag the session will start with (links the hold to the transaction).</summary>
    public string? StationId { get; set; }
    public int? ConnectorId { get; set; }
    public string? IdTag { get; set; }
    public PaymentProviderKind Provider { get; set; }

    /// <summary>The provider's id, e.g. the Stripe PaymentIntent id.</summary>
    public string? ProviderPaymentId { get; set; }

    /// <summary>The saved card the hold is on: Stripe Customer (null when simulated) and PaymentMethod.</summary>
    public string? ProviderCustomerId { get; set; }
    public string? PaymentMethodId { get; set; }

    /// <summary>When the remote start was sent on this hold; set once, so a hold starts charging once.</summary>
    public DateTimeOffset? StartRequestedAt { get; set; }

    /// <summary>When the station accepted the remote start; an unlinked hold is released a while after this.</summary>
    public DateTimeOffset? StartAcceptedAt { get; set; }
    public PaymentStatus Status { get; set; } = PaymentStatus.Created;
    public string Currency { get; set; } = "EUR";
    public decimal HoldAmount { get; set; }
    public decimal CapturedAmount { get; set; }
    public decimal RefundedAmount { get; set; }

    /// <summary>Cost above the hold that was not captured (Payments:OverHoldPolicy = Flag); operators settle it by hand.</summary>
    public decimal OutstandingAmount { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>
    /// The provider did not answer when the hold was placed, so it may have placed it after all: such a hold is
    /// looked for and released (<see cref="UnansweredHolds"/>) until this is cleared.
    /// </summary>
    public bool HoldOutcomeUnknown { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum PaymentProviderKind
{
    Simulated,
    Stripe,
}

public enum PaymentStatus
{
    Created,

    /// <summary>The driver's bank asked them to confirm the hold (3-D Secure); not in place until they have.</summary>
    AwaitingAuthentication,
    Authorized,

    /// <summary>Being captured or released right now (a claim that keeps settlement single).</summary>
    Settling,
    Captured,
    PartiallyRefunded,
    Refunded,
    Cancelled,
    Failed,
}

/// <summary>A webhook event id already handled; makes webhook delivery idempotent.</summary>
public sealed class ProcessedWebhookEvent
{
    public required string EventId { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
