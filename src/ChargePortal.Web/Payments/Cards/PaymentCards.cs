using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Payments.Cards;

/// <summary>A usable saved card: what holds are placed on, and what the driver sees ("Visa •••• 4242").</summary>
public sealed record SavedCard(string? CustomerId, string PaymentMethodId, string Brand, string Last4, int ExpMonth, int ExpYear)
{
    public string Label => $"{BrandName(Brand)} •••• {Last4}";

    public string Expiry => $"{ExpMonth:00}/{ExpYear % 100:00}";

    public static string BrandName(string brand) => brand.ToLowerInvariant() switch
    {
        "visa" => "Visa",
        "mastercard" => "Mastercard",
        "amex" => "American Express",
        "discover" => "Discover",
        "diners" => "Diners Club",
        "jcb" => "JCB",
        "unionpay" => "UnionPay",
        "cartes_bancaires" => "Cartes Bancaires",
        _ => "Card",
    };
}

public sealed record CardOutcome(bool Ok, string Message);

/// <summary>Why a return from Stripe Checkout saved nothing; the portal shows a fixed sentence for each.</summary>
public enum CheckoutRefusal
{
    None,
    Unknown,
    NotYours,
    NotCompleted,
    Replaced,
    StripeUnavailable,
}

public sealed record CheckoutOutcome(bool Ok, CheckoutRefusal Refusal, string Message);

/// <summary>A completed checkout applied by the webhook: the card it replaced (to detach once saved) and the new one.</summary>
internal sealed record AppliedCheckout(string? ReplacedPaymentMethodId, string PaymentMethodId);

/// <summary>
/// A driver's saved payment card: added once (Stripe hosted Checkout in setup mode, or the test-mode form with
/// the simulated provider), then every "Start charging" holds on it. Only brand, last 4 digits and expiry are kept.
/// </summary>
public sealed class PaymentCards(
    IDbContextFactory<AppDbContext> dbFactory,
    IPaymentProvider provider,
    StripeCardSetup stripe,
    TimeProvider time,
    ILogger<PaymentCards> logger)
{
    public const int MaxCheckoutSessionIdLength = 200;

    public PaymentProviderKind ProviderKind => provider.Kind;

    public bool IsTestMode => provider.IsTestMode;

    private bool LiveMode => !provider.IsTestMode;

    /// <summary>The driver's card, if one was saved with the provider (and mode) in use now.</summary>
    public async Task<SavedCard?> GetAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.DriverPaymentProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        return profile is not null && Matches(profile) && profile.PaymentMethodId is { } pm
            ? new SavedCard(profile.CustomerId, pm, profile.CardBrand ?? "", profile.CardLast4 ?? "", profile.CardExpMonth ?? 0, profile.CardExpYear ?? 0)
            : null;
    }

    /// <summary>Test mode only: saves a card typed into the in-app form if it passes the same checks as Stripe's test cards.</summary>
    public async Task<CardOutcome> AddTestCardAsync(string userId, CardEntry entry, CancellationToken ct)
    {
        if (provider.Kind != PaymentProviderKind.Simulated)
        {
            return new(false, "Cards are entered on Stripe's secure page, not here.");
        }

        var card = TestCardCheck.Check(entry, time.GetUtcNow(), out var error);
        if (card is null)
        {
            return new(false, error!);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await ProfileForAsync(db, userId, ct);
        Save(profile, new StripeCard(SimulatedPaymentProvider.NewPaymentMethodId(card.Behavior), card.Brand, card.Last4, card.ExpMonth, card.ExpYear), null);
        if (!await TrySaveAsync(db, ct))
        {
            return Changed;
        }

        return new(true, $"{SavedCard.BrandName(card.Brand)} •••• {card.Last4} saved. Test mode — no real charge.");
    }

    /// <summary>
    /// Stripe only: makes sure the driver has a Stripe Customer, then opens a Checkout Session in setup mode and
    /// remembers it as the one the driver may complete.
    /// </summary>
    public async Task<(CheckoutStart? Start, string? Error)> BeginCheckoutAsync(string userId, string? email, Uri successUrl, Uri cancelUrl, CancellationToken ct)
    {
        if (provider.Kind != PaymentProviderKind.Stripe)
        {
            return (null, "Test mode: enter a test card in the form instead.");
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var profile = await ProfileForAsync(db, userId, ct);
            if (profile.CustomerId is null)
            {
                profile.CustomerId = await stripe.CreateCustomerAsync(userId, email, ct);
                profile.UpdatedAt = time.GetUtcNow();
                await db.SaveChangesAsync(ct);
            }

            var start = await stripe.CreateCheckoutAsync(profile.CustomerId, userId, successUrl, cancelUrl, ct);
            profile.PendingCheckoutSessionId = start.SessionId;
            profile.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return (start, null);
        }
        catch (StripeCardSetupException e)
        {
            return (null, e.Message);
        }
        catch (DbUpdateException)
        {
            // A second tab created the profile or a checkout at the same moment.
            return (null, "Another card entry was started at the same time; please try again.");
        }
    }

    /// <summary>
    /// The driver is back from Stripe: the session must be the one this driver was sent to, belong to their
    /// Customer, be complete and have saved a card. Anything else (a forged or someone else's id) saves nothing.
    /// </summary>
    public async Task<CheckoutOutcome> CompleteCheckoutAsync(string userId, string? sessionId, CancellationToken ct)
    {
        if (provider.Kind != PaymentProviderKind.Stripe)
        {
            return Refused(CheckoutRefusal.Unknown);
        }

        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > MaxCheckoutSessionIdLength || !sessionId.StartsWith("cs_", StringComparison.Ordinal)
            || !sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return Refused(CheckoutRefusal.Unknown);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.DriverPaymentProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null || !Matches(profile) || profile.CustomerId is null)
        {
            return Refused(CheckoutRefusal.NotYours);
        }

        if (profile.SavedFromCheckoutSessionId == sessionId)
        {
            return Saved(profile); // the webhook (or a reload of this page) saved it already
        }

        if (profile.PendingCheckoutSessionId != sessionId)
        {
            return Refused(CheckoutRefusal.NotYours); // forged, someone else's, or an older entry of this driver
        }

        CheckoutState state;
        try
        {
            state = await stripe.GetCheckoutAsync(sessionId, ct);
        }
        catch (StripeCardSetupException e)
        {
            return Refused(e.Code == "resource_missing" ? CheckoutRefusal.Unknown : CheckoutRefusal.StripeUnavailable);
        }

        if (Verify(state, profile.CustomerId) is { } refusal)
        {
            return Refused(refusal);
        }

        var previous = profile.PaymentMethodId;
        Save(profile, state.Card!, sessionId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The webhook applied this checkout (or the driver started another) in the meantime.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var now = await fresh.DriverPaymentProfiles.AsNoTracking().FirstAsync(p => p.UserId == userId, ct);
            return now.SavedFromCheckoutSessionId == sessionId ? Saved(now) : Refused(CheckoutRefusal.Replaced);
        }

        await DetachReplacedAsync(previous, state.Card!.PaymentMethodId, ct);
        return Saved(profile);
    }

    /// <summary>
    /// The checkout.session.completed webhook: the same checks as the return page, applied to <paramref name="db"/>
    /// so the caller saves it together with the processed-event record, then calls <see cref="DetachReplacedAsync"/>
    /// with the result. Null when there is nothing to apply (e.g. the return page saved it first).
    /// </summary>
    internal async Task<AppliedCheckout?> ApplyCompletedCheckoutAsync(AppDbContext db, string sessionId, string? customerId, CancellationToken ct)
    {
        if (provider.Kind != PaymentProviderKind.Stripe || customerId is null)
        {
            return null;
        }

        var profile = await db.DriverPaymentProfiles.FirstOrDefaultAsync(p => p.CustomerId == customerId && p.PendingCheckoutSessionId == sessionId, ct);
        if (profile is null || !Matches(profile))
        {
            return null;
        }

        var state = await stripe.GetCheckoutAsync(sessionId, ct);
        if (Verify(state, customerId) is not null)
        {
            return null;
        }

        var previous = profile.PaymentMethodId;
        Save(profile, state.Card!, sessionId);
        return new AppliedCheckout(previous, state.Card!.PaymentMethodId);
    }

    /// <summary>Forgets the driver's card (and detaches it at Stripe). Charging then asks for a new one.</summary>
    public async Task<CardOutcome> RemoveAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.DriverPaymentProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile?.PaymentMethodId is null)
        {
            return new(false, "There is no saved card to remove.");
        }

        if (profile.Provider == PaymentProviderKind.Stripe && provider.Kind == PaymentProviderKind.Stripe && Matches(profile))
        {
            try
            {
                await stripe.DetachAsync(profile.PaymentMethodId, ct);
            }
            catch (StripeCardSetupException)
            {
                return new(false, "Stripe could not remove the card right now; it is still saved. Please try again.");
            }
        }

        profile.PaymentMethodId = profile.CardBrand = profile.CardLast4 = profile.PendingCheckoutSessionId = profile.SavedFromCheckoutSessionId = null;
        profile.CardExpMonth = profile.CardExpYear = null;
        profile.CardSavedAt = null;
        profile.UpdatedAt = time.GetUtcNow();
        return await TrySaveAsync(db, ct) ? new(true, "Card removed. Add a card before you charge again.") : Changed;
    }

    private static readonly CardOutcome Changed = new(false, "Your card was changed at the same moment (another tab or Stripe's confirmation); nothing was changed here. Please look again.");

    /// <summary>False when the profile changed since it was read (the checkout-completion concurrency token).</summary>
    private static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private static CheckoutRefusal? Verify(CheckoutState state, string customerId) => state switch
    {
        _ when state.CustomerId != customerId => CheckoutRefusal.NotYours,
        { Mode: not "setup" } => CheckoutRefusal.Unknown,
        { Status: not "complete" } or { SetupIntentStatus: not "succeeded" } or { Card: null } => CheckoutRefusal.NotCompleted,
        _ => null,
    };

    private bool Matches(DriverPaymentProfile profile) => profile.Provider == provider.Kind && profile.LiveMode == LiveMode;

    /// <summary>The driver's profile, tracked; one saved with another provider or mode starts over (its ids mean nothing here).</summary>
    private async Task<DriverPaymentProfile> ProfileForAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var profile = await db.DriverPaymentProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (profile is null)
        {
            profile = new DriverPaymentProfile { UserId = userId, Provider = provider.Kind, LiveMode = LiveMode, CreatedAt = now, UpdatedAt = now };
            db.DriverPaymentProfiles.Add(profile);
        }
        else if (!Matches(profile))
        {
            profile.Provider = provider.Kind;
            profile.LiveMode = LiveMode;
            profile.CustomerId = profile.PaymentMethodId = profile.CardBrand = profile.CardLast4 = null;
            profile.PendingCheckoutSessionId = profile.SavedFromCheckoutSessionId = null;
            profile.CardExpMonth = profile.CardExpYear = null;
            profile.CardSavedAt = null;
            profile.UpdatedAt = now;
        }

        return profile;
    }

    private void Save(DriverPaymentProfile profile, StripeCard card, string? checkoutSessionId)
    {
        profile.PaymentMethodId = card.PaymentMethodId;
        profile.CardBrand = card.Brand;
        profile.CardLast4 = card.Last4;
        profile.CardExpMonth = card.ExpMonth;
        profile.CardExpYear = card.ExpYear;
        profile.CardSavedAt = profile.UpdatedAt = time.GetUtcNow();
        profile.SavedFromCheckoutSessionId = checkoutSessionId;
        profile.PendingCheckoutSessionId = null;
    }

    /// <summary>After a new card is saved, the one it replaced is detached at Stripe (a failure leaves only an unused card there).</summary>
    internal async Task DetachReplacedAsync(string? previous, string current, CancellationToken ct)
    {
        if (previous is null || previous == current)
        {
            return;
        }

        try
        {
            await stripe.DetachAsync(previous, ct);
        }
        catch (StripeCardSetupException e)
        {
            logger.LogWarning("The replaced card {Id} could not be detached: {Message}", previous, e.Message);
        }
    }

    private static CheckoutOutcome Saved(DriverPaymentProfile profile) =>
        new(true, CheckoutRefusal.None, $"{SavedCard.BrandName(profile.CardBrand ?? "")} •••• {profile.CardLast4} saved. Start charging with one tap.");

    private static CheckoutOutcome Refused(CheckoutRefusal refusal) => new(false, refusal, Describe(refusal));

    public static string Describe(CheckoutRefusal refusal) => refusal switch
    {
        CheckoutRefusal.NotYours => "That card entry is not yours; nothing was saved.",
        CheckoutRefusal.NotCompleted => "The card entry was not completed; nothing was saved.",
        CheckoutRefusal.Replaced => "That card entry was replaced by a newer one; nothing was saved. Please add the card again.",
        CheckoutRefusal.StripeUnavailable => "Stripe could not be reached to confirm the card; nothing was saved. Please try again.",
        _ => "Unknown card entry; nothing was saved.",
    };
}
