using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>The no-show fee through Stripe (the local stand-in): an off-session PaymentIntent on the saved card, captured.</summary>
public sealed class NoShowFeeStripeTests : IAsyncLifetime
{
    private StripeStandIn _stripe = null!;
    private NoShowStripeFactory _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stripe = await StripeStandIn.StartAsync();
        _host = new NoShowStripeFactory(_stripe.BaseUri);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task The_fee_is_an_off_session_intent_on_the_saved_card_captured_in_full()
    {
        var (reservationId, userId) = await SeedNoShowAsync(declines: false);

        var payment = await _host.Services.GetRequiredService<NoShowFees>().ChargeAsync(reservationId, Ct);

        payment.ShouldNotBeNull();
        (payment.Status, payment.Provider, payment.CapturedAmount).ShouldBe((PaymentStatus.Captured, PaymentProviderKind.Stripe, 4.20m));
        var create = _stripe.Requests.Single(r => r.Path == "/v1/payment_intents");
        create.Form["off_session"].ShouldBe("true");
        create.Form["amount"].ShouldBe("420");
        create.Form["payment_method"].ShouldBe("pm_card_visa");
        create.Form["metadata[reservationId]"].ShouldBe(reservationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ((long)_stripe.Intent(payment.ProviderPaymentId!)["amount_received"]!).ShouldBe(420);

        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        (await db.Reservations.SingleAsync(r => r.Id == reservationId, Ct)).NoShowPaymentId.ShouldBe(payment.Id);
        (await db.Payments.CountAsync(p => p.UserId == userId, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_card_Stripe_declines_leaves_the_fee_outstanding()
    {
        var (reservationId, _) = await SeedNoShowAsync(declines: true);

        var payment = await _host.Services.GetRequiredService<NoShowFees>().ChargeAsync(reservationId, Ct);

        payment.ShouldNotBeNull();
        (payment.Status, payment.OutstandingAmount).ShouldBe((PaymentStatus.Failed, 4.20m));
        payment.FailureReason!.ShouldContain("declined");
        _stripe.Requests.ShouldNotContain(r => r.Path.EndsWith("/capture", StringComparison.Ordinal));
    }

    /// <summary>A driver with a Stripe test card saved and a reservation the scheduler already marked NoShow.</summary>
    private async Task<(int ReservationId, string UserId)> SeedNoShowAsync(bool declines)
    {
        _stripe.DeclineCards = declines;
        _ = _host.Server;
        string userId;
        using (var scope = _host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var email = $"noshow-{Guid.NewGuid():N}@test.local";
            var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            userId = user.Id;
        }

        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        db.DriverPaymentProfiles.Add(new DriverPaymentProfile
        {
            UserId = userId, Provider = PaymentProviderKind.Stripe, PaymentMethodId = "pm_card_visa",
            CardBrand = "visa", CardLast4 = "4242", CardExpMonth = 12, CardExpYear = 2040, CardSavedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
        });
        var connector = await db.Connectors.FirstAsync(c => c.StationId == "AMS-CS-01" && c.ConnectorId == 1, Ct);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var reservation = new Reservation
        {
            ConnectorRefId = connector.Id, StationId = "AMS-CS-01", UserId = userId, IdTag = "APP-NOSHOW", StartsAt = start, EndsAt = start.AddMinutes(30),
            Status = ReservationStatus.NoShow, NoShowFee = 4.20m, CreatedAt = start.AddDays(-1),
        };
        db.Reservations.Add(reservation);
        await db.SaveChangesAsync(Ct);
        return (reservation.Id, userId);
    }

    private sealed class NoShowStripeFactory(Uri stripeBase) : ChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_standin",
            ["Stripe:ApiBase"] = stripeBase.ToString(),
            ["Stripe:WebhookSecret"] = StripeChargePortalFactory.WebhookSecret,
            ["Reservations:NoShowFee"] = "4.20",
            ["Reservations:ScanIntervalSeconds"] = "3600", // the test charges; the host's own pass must not race it
        };
    }
}
