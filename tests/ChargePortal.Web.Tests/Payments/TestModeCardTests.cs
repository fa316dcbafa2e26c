using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>No Stripe keys: the simulated provider and the in-app test-mode card form, over the real host and SQLite.</summary>
public sealed class TestModeCardTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PaymentCards Cards => factory.Services.GetRequiredService<PaymentCards>();

    /// <summary>A fresh driver per test, so tests do not share a card.</summary>
    private async Task<string> NewDriverAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"card-{Guid.NewGuid():N}@chargeportal.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, ChargePortalFactory.DemoPassword)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.Driver);
        return user.Id;
    }

    private async Task<DriverPaymentProfile?> ProfileAsync(string userId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.DriverPaymentProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, Ct);
    }

    private static string NextYear => (DateTime.UtcNow.Year + 1 - 2000).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_demo_driver_has_the_test_Visa_saved()
    {
        using var scope = factory.Services.CreateScope();
        var driver = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("driver@chargeportal.local");
        var card = (await Cards.GetAsync(driver!.Id, Ct)).ShouldNotBeNull();
        card.Label.ShouldBe("Visa •••• 4242");
        SimulatedPaymentProvider.BehaviorOf(card.PaymentMethodId).ShouldBe(TestCardBehavior.Succeeds);
    }

    [Fact]
    public async Task A_test_card_is_saved_as_brand_last4_and_expiry_only_and_holds_succeed()
    {
        var driverId = await NewDriverAsync();
        var outcome = await Cards.AddTestCardAsync(driverId, new CardEntry("4242 4242 4242 4242", $"08/{NextYear}", "123"), Ct);
        outcome.Ok.ShouldBeTrue(outcome.Message);
        outcome.Message.ShouldBe("Visa •••• 4242 saved. Test mode — no real charge.");

        var profile = (await ProfileAsync(driverId)).ShouldNotBeNull();
        profile.Provider.ShouldBe(PaymentProviderKind.Simulated);
        profile.CardBrand.ShouldBe("visa");
        profile.CardLast4.ShouldBe("4242");
        profile.CardExpMonth.ShouldBe(8);
        profile.CardExpYear.ShouldBe(DateTime.UtcNow.Year + 1);
        profile.PaymentMethodId.ShouldStartWith("pm_sim_");
        profile.CustomerId.ShouldBeNull();
        // The number itself is nowhere in the row.
        new[] { profile.PaymentMethodId, profile.CardBrand, profile.CardLast4, profile.SavedFromCheckoutSessionId, profile.PendingCheckoutSessionId }
            .ShouldAllBe(v => v == null || !v.Contains("4242424242424242"));

        var card = (await Cards.GetAsync(driverId, Ct))!;
        var payment = await factory.Services.GetRequiredService<PaymentService>().PlaceHoldAsync(driverId, card, "AMS-CS-01", 1, "APP-T1", "EUR", Ct);
        payment.Status.ShouldBe(PaymentStatus.Authorized);
        payment.PaymentMethodId.ShouldBe(card.PaymentMethodId);
    }

    [Fact]
    public async Task The_declining_test_card_saves_but_its_hold_is_declined()
    {
        var driverId = await NewDriverAsync();
        (await Cards.AddTestCardAsync(driverId, new CardEntry("4000000000000002", $"12/{NextYear}", "999"), Ct)).Ok.ShouldBeTrue();
        var card = (await Cards.GetAsync(driverId, Ct))!;
        card.Last4.ShouldBe("0002");
        var payment = await factory.Services.GetRequiredService<PaymentService>().PlaceHoldAsync(driverId, card, "AMS-CS-01", 1, "APP-T2", "EUR", Ct);
        payment.Status.ShouldBe(PaymentStatus.Failed);
        payment.FailureReason.ShouldBe("The card was declined (generic decline).");
    }

    [Theory]
    [InlineData("", "12/40", "123", "Enter the card number.")]
    [InlineData("4242 4242 4242 424x", "12/40", "123", "A card number has digits only (spaces are fine).")]
    [InlineData("4242", "12/40", "123", "A card number has 12 to 19 digits.")]
    [InlineData("4242 4242 4242 4241", "12/40", "123", "This card number is not valid: check it for a typo.")]
    [InlineData("4111 1111 1111 1111", "12/40", "123", "Test mode takes only Stripe's test card numbers, e.g. 4242 4242 4242 4242. No real card is charged here.")]
    [InlineData("4242 4242 4242 4242", "13/40", "123", "Enter the expiry date as MM/YY.")]
    [InlineData("4242 4242 4242 4242", "1240", "123", "Enter the expiry date as MM/YY.")]
    [InlineData("4242 4242 4242 4242", "", "123", "Enter the expiry date as MM/YY.")]
    [InlineData("4242 4242 4242 4242", "01/20", "123", "This card has expired.")]
    [InlineData("4242 4242 4242 4242", "01/2099", "123", "The expiry year is too far ahead: check it for a typo.")]
    [InlineData("4242 4242 4242 4242", "12/40", "12", "The security code (CVC) is the 3 digits on the back of the card.")]
    [InlineData("4242 4242 4242 4242", "12/40", "abc", "The security code (CVC) is the 3 digits on the back of the card.")]
    [InlineData("3782 822463 10005", "12/40", "123", "The security code (CVC) is the 4 digits on the front of the card.")]
    public async Task Bad_card_input_is_refused_with_a_specific_message_and_changes_nothing(string number, string expiry, string cvc, string message)
    {
        var driverId = await NewDriverAsync();
        (await Cards.AddTestCardAsync(driverId, new CardEntry("5555 5555 5555 4444", $"01/{NextYear}", "321"), Ct)).Ok.ShouldBeTrue();
        var before = await ProfileAsync(driverId);

        var outcome = await Cards.AddTestCardAsync(driverId, new CardEntry(number, expiry, cvc), Ct);
        outcome.Ok.ShouldBeFalse();
        outcome.Message.ShouldBe(message);
        var after = await ProfileAsync(driverId);
        after!.PaymentMethodId.ShouldBe(before!.PaymentMethodId);
        after.CardLast4.ShouldBe("4444");
    }

    [Fact]
    public async Task Removing_the_card_forgets_it_and_a_second_remove_says_so()
    {
        var driverId = await NewDriverAsync();
        (await Cards.AddTestCardAsync(driverId, new CardEntry("4242424242424242", $"12/{NextYear}", "123"), Ct)).Ok.ShouldBeTrue();
        (await Cards.RemoveAsync(driverId, Ct)).Message.ShouldBe("Card removed. Add a card before you charge again.");
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
        var profile = await ProfileAsync(driverId);
        profile!.CardLast4.ShouldBeNull();
        (await Cards.RemoveAsync(driverId, Ct)).Ok.ShouldBeFalse();
    }

    [Fact]
    public async Task Stripe_checkout_is_not_offered_in_test_mode_and_its_return_saves_nothing()
    {
        var driverId = await NewDriverAsync();
        var (start, error) = await Cards.BeginCheckoutAsync(driverId, "x@example.com", new Uri("http://localhost/a"), new Uri("http://localhost/b"), Ct);
        start.ShouldBeNull();
        error.ShouldBe("Test mode: enter a test card in the form instead.");
        (await Cards.CompleteCheckoutAsync(driverId, "cs_test_1", Ct)).Ok.ShouldBeFalse();
        (await ProfileAsync(driverId)).ShouldBeNull();
    }

    [Fact]
    public async Task The_payment_card_page_needs_sign_in_and_shows_the_drivers_own_card_in_test_mode()
    {
        var anonymous = await factory.CreateBrowserLikeClient().GetAsync("/account/payment", Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/Account/Login");

        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("driver@chargeportal.local", ChargePortalFactory.DemoPassword);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/account/payment", Ct));
        page.ShouldContain("Test mode — no real charge.");
        page.ShouldContain("Visa •••• 4242");
        page.ShouldContain("data-testid=\"remove-card\"");

        // The owner has no card: the page offers the test-mode form.
        var owner = factory.CreateBrowserLikeClient();
        await owner.SignInAsync("owner@chargeportal.local", ChargePortalFactory.DemoPassword);
        var ownerPage = WebUtility.HtmlDecode(await owner.GetStringAsync("/account/payment", Ct));
        ownerPage.ShouldContain("data-testid=\"no-payment-card\"");
        ownerPage.ShouldContain("data-testid=\"test-card-form\"");
        ownerPage.ShouldNotContain("4242</b>");
    }

    [Fact]
    public async Task The_page_shows_a_fixed_sentence_for_each_checkout_code_and_ignores_others()
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("driver@chargeportal.local", ChargePortalFactory.DemoPassword);
        WebUtility.HtmlDecode(await client.GetStringAsync("/account/payment?checkout=notyours", Ct)).ShouldContain("That card entry is not yours; nothing was saved.");
        var odd = WebUtility.HtmlDecode(await client.GetStringAsync("/account/payment?checkout=%3Cb%3Ehi%3C%2Fb%3E&return=https%3A%2F%2Fevil.example", Ct));
        odd.ShouldNotContain("card-message");
        odd.ShouldNotContain("evil.example\"");
    }
}
