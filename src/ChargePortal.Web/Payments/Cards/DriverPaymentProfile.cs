using ChargePortal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Payments.Cards;

/// <summary>
/// A driver's saved payment card (one per driver) and, with Stripe, their Stripe Customer. Only what a card
/// shows (brand, last 4 digits, expiry) and the provider's ids are stored; never a card number.
/// </summary>
public sealed class DriverPaymentProfile
{
    public const int MaxIdLength = 255;

    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }

    /// <summary>The provider the ids below belong to; a card saved with another provider (or mode) is not usable.</summary>
    public PaymentProviderKind Provider { get; set; }

    /// <summary>True for Stripe live keys: test-mode customers and cards do not exist in live mode.</summary>
    public bool LiveMode { get; set; }

    /// <summary>Stripe Customer id (cus_…); null with the simulated provider.</summary>
    public string? CustomerId { get; set; }

    /// <summary>The saved PaymentMethod id (pm_…, or pm_sim_… when simulated); null until a card is saved.</summary>
    public string? PaymentMethodId { get; set; }
    public string? CardBrand { get; set; }
    public string? CardLast4 { get; set; }
    public int? CardExpMonth { get; set; }
    public int? CardExpYear { get; set; }
    public DateTimeOffset? CardSavedAt { get; set; }

    /// <summary>The Stripe Checkout Session the driver was last sent to; only that one may save a card.</summary>
    public string? PendingCheckoutSessionId { get; set; }

    /// <summary>The Checkout Session the saved card came from (so a second completion of it is recognised).</summary>
    public string? SavedFromCheckoutSessionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DriverPaymentProfileConfiguration : IEntityTypeConfiguration<DriverPaymentProfile>
{
    public void Configure(EntityTypeBuilder<DriverPaymentProfile> b)
    {
        b.HasKey(p => p.UserId);
        b.HasOne(p => p.User).WithOne().HasForeignKey<DriverPaymentProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.CustomerId).HasMaxLength(DriverPaymentProfile.MaxIdLength);
        b.Property(p => p.PaymentMethodId).HasMaxLength(DriverPaymentProfile.MaxIdLength);
        b.Property(p => p.CardBrand).HasMaxLength(32);
        b.Property(p => p.CardLast4).HasMaxLength(4);
        b.Property(p => p.SavedFromCheckoutSessionId).HasMaxLength(DriverPaymentProfile.MaxIdLength);
        // The return page and the webhook may complete the same checkout at once: only one may apply it.
        b.Property(p => p.PendingCheckoutSessionId).HasMaxLength(DriverPaymentProfile.MaxIdLength).IsConcurrencyToken();
        b.HasIndex(p => p.CustomerId);
    }
}
