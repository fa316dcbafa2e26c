using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>
/// Saving a card with Stripe through the real Stripe.net client against the stand-in: a Customer per driver,
/// hosted Checkout in setup mode, the return page and the checkout.session.completed webhook, then holds on it.
/// </summary>
public sealed class PaymentCardStripeTests : IAsyncLifetime
{
    private static readonly Uri PortalBase = new("http://localhost/");
    private StripeStandIn _stripe = null!;
    private StripeChargePortalFactory _factory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stripe = await StripeStandIn.StartAsync();
        _factory = new StripeChargePortalFactory(_stripe.BaseUri);
        _ = _factory.Server; // start the host (migrate + seed)
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    private PaymentCards Cards => _factory.Services.GetRequiredService<PaymentCards>();

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<DriverPaymentProfile?> ProfileAsync(string userId)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.DriverPaymentProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, Ct);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _factory.CreateBrowserLikeClient();
        (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private async Task<CheckoutStart> BeginAsync(string userId, string email = "driver@chargeportal.local", string? returnPath = "/stations/AMS-CS-01")
    {
        var (start, error) = await Cards.BeginCheckoutAsync(userId, email, CardLinks.SuccessUrl(PortalBase, returnPath), CardLinks.CancelUrl(PortalBase, returnPath), Ct);
        start.ShouldNotBeNull(error);
        return start;
    }

    /// <summary>The prerendered page as text (the HTML encoder escapes "•" and "—").</summary>
    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));

    private static async Task<string> ReturnAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(CardLinks.CheckoutReturnPath + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_driver_adds_a_card_through_hosted_checkout_and_the_return_page_saves_it()
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        // The seeded demo card belongs to the simulated provider: with Stripe keys it does not count.
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();

        var start = await BeginAsync(driverId);
        var customer = _stripe.Customers.ShouldHaveSingleItem();
        ((string)customer["email"]!).ShouldBe("driver@chargeportal.local");
        ((string)customer["metadata"]!["userId"]!).ShouldBe(driverId);
        var create = _stripe.Requests.Single(r => r.Path == "/v1/checkout/sessions");
        create.Form["mode"].ShouldBe("setup");
        create.Form["customer"].ShouldBe((string)customer["id"]!);
        create.Form["allowed_payment_method_types[0]"].ShouldBe("card");
        create.Form["success_url"].ShouldBe("http://localhost/account/payment/checkout-return?session_id={CHECKOUT_SESSION_ID}&return=%2Fstations%2FAMS-CS-01");
        create.Form["cancel_url"].ShouldBe("http://localhost/account/payment?checkout=cancelled&return=%2Fstations%2FAMS-CS-01");
        start.Url.ShouldBe(new Uri((string)_stripe.Session(start.SessionId)["url"]!));

        var pm = _stripe.CompleteCheckout(start.SessionId);
        var client = await SignedInAsync("driver@chargeportal.local");
        var location = await ReturnAsync(client, $"?session_id={start.SessionId}&return=%2Fstations%2FAMS-CS-01");
        location.ShouldBe("/account/payment?checkout=saved&return=%2Fstations%2FAMS-CS-01");

        var retrieve = _stripe.Requests.Single(r => r.Method == "GET" && r.Path == $"/v1/checkout/sessions/{start.SessionId}");
        retrieve.Form.Values.ShouldContain("setup_intent.payment_method");
        var card = (await Cards.GetAsync(driverId, Ct)).ShouldNotBeNull();
        card.ShouldBe(new SavedCard((string)customer["id"]!, pm, "visa", "4242", 8, DateTime.UtcNow.Year + 3));
        card.Label.ShouldBe("Visa •••• 4242");

        // A reload of the return page is recognised and asks Stripe nothing more.
        (await ReturnAsync(client, $"?session_id={start.SessionId}")).ShouldBe("/account/payment?checkout=saved");
        _stripe.Requests.Count(r => r.Method == "GET").ShouldBe(1);

        // A second first use reuses the Customer.
        await BeginAsync(driverId);
        _stripe.Customers.Count.ShouldBe(1);

        var page = await PageAsync(client, "/account/payment?checkout=saved");
        page.ShouldContain("Your card is saved.");
        page.ShouldContain("Visa •••• 4242");
        page.ShouldContain("Test mode — no real charge."); // sk_test_ keys
    }

    [Fact]
    public async Task A_cancelled_checkout_saves_nothing()
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var start = await BeginAsync(driverId);
        var client = await SignedInAsync("driver@chargeportal.local");

        // Stripe sends a cancelling driver to the cancel URL; the session stays open and saves nothing.
        var page = await PageAsync(client, "/account/payment?checkout=cancelled");
        page.ShouldContain("Card entry cancelled; nothing was saved.");
        (await ReturnAsync(client, $"?session_id={start.SessionId}")).ShouldBe("/account/payment?checkout=notcompleted");
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
        (await ProfileAsync(driverId))!.PaymentMethodId.ShouldBeNull();
        (await PageAsync(client, "/account/payment?checkout=notcompleted")).ShouldContain("The card entry was not completed; nothing was saved.");
    }

    [Theory]
    [InlineData("session_id=cs_test_forged_123&")]
    [InlineData("session_id=&")]
    [InlineData("")]
    [InlineData("session_id=pi_123&")]
    [InlineData("session_id=cs_test_%3Cscript%3E&")]
    [InlineData("session_id=cs_{CHECKOUT_SESSION_ID}&")]
    [InlineData("session_id=cs_test_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&")]
    public async Task A_forged_or_malformed_checkout_id_is_refused_without_asking_Stripe_and_saves_nothing(string query)
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var start = await BeginAsync(driverId);
        _stripe.CompleteCheckout(start.SessionId);
        var client = await SignedInAsync("driver@chargeportal.local");

        var location = await ReturnAsync(client, "?" + query + "return=https%3A%2F%2Fevil.example%2F");
        location.ShouldBeOneOf("/account/payment?checkout=notyours", "/account/payment?checkout=unknown"); // and never an open redirect
        _stripe.Requests.ShouldNotContain(r => r.Method == "GET");
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
        (await ProfileAsync(driverId))!.PendingCheckoutSessionId.ShouldBe(start.SessionId); // the real entry can still complete
    }

    [Fact]
    public async Task Another_drivers_completed_checkout_cannot_be_claimed()
    {
        var ownerId = await UserIdAsync("owner@chargeportal.local");
        var ownersCheckout = await BeginAsync(ownerId, "owner@chargeportal.local");
        _stripe.CompleteCheckout(ownersCheckout.SessionId);
        var driverId = await UserIdAsync("driver@chargeportal.local");
        await BeginAsync(driverId);

        var driver = await SignedInAsync("driver@chargeportal.local");
        (await ReturnAsync(driver, $"?session_id={ownersCheckout.SessionId}")).ShouldBe("/account/payment?checkout=notyours");
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
        (await Cards.GetAsync(ownerId, Ct)).ShouldBeNull(); // only the owner's own return (or the webhook) saves it

        var owner = await SignedInAsync("owner@chargeportal.local");
        (await ReturnAsync(owner, $"?session_id={ownersCheckout.SessionId}")).ShouldBe("/account/payment?checkout=saved");
        (await Cards.GetAsync(ownerId, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_checkout_Stripe_does_not_know_is_refused()
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        await BeginAsync(driverId);
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            await db.DriverPaymentProfiles.Where(p => p.UserId == driverId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.PendingCheckoutSessionId, "cs_test_gone"), Ct);
        }

        var outcome = await Cards.CompleteCheckoutAsync(driverId, "cs_test_gone", Ct);
        outcome.Refusal.ShouldBe(CheckoutRefusal.Unknown);
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Returning_from_checkout_requires_sign_in()
    {
        var response = await _factory.CreateBrowserLikeClient().GetAsync(CardLinks.CheckoutReturnPath + "?session_id=cs_test_1", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    private async Task<(string DriverId, SavedCard Card)> SavedCardAsync(StandInCard kind)
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var start = await BeginAsync(driverId);
        _stripe.CompleteCheckout(start.SessionId, kind);
        (await Cards.CompleteCheckoutAsync(driverId, start.SessionId, Ct)).Ok.ShouldBeTrue();
        return (driverId, (await Cards.GetAsync(driverId, Ct))!);
    }

    [Fact]
    public async Task A_hold_is_placed_on_the_saved_card_of_the_drivers_customer()
    {
        var (driverId, card) = await SavedCardAsync(StandInCard.Visa);
        var payment = await _factory.Services.GetRequiredService<PaymentService>().PlaceHoldAsync(driverId, card, "AMS-CS-01", 1, "APP-1", "EUR", Ct);

        payment.Status.ShouldBe(PaymentStatus.Authorized);
        payment.ProviderCustomerId.ShouldBe(card.CustomerId);
        payment.PaymentMethodId.ShouldBe(card.PaymentMethodId);
        var create = _stripe.Requests.Single(r => r.Path == "/v1/payment_intents");
        create.Form["customer"].ShouldBe(card.CustomerId);
        create.Form["payment_method"].ShouldBe(card.PaymentMethodId);
        create.Form["capture_method"].ShouldBe("manual");
        create.Form["confirm"].ShouldBe("true");
        create.Form["amount"].ShouldBe("5000");
    }

    [Fact]
    public async Task A_saved_card_that_declines_fails_the_hold_with_the_reason()
    {
        var (driverId, card) = await SavedCardAsync(StandInCard.DeclinesCharges);
        card.Last4.ShouldBe("0341");
        var payment = await _factory.Services.GetRequiredService<PaymentService>().PlaceHoldAsync(driverId, card, "AMS-CS-01", 1, "APP-1", "EUR", Ct);
        payment.Status.ShouldBe(PaymentStatus.Failed);
        payment.FailureReason.ShouldBe("The card was declined (generic decline).");
    }

    [Fact]
    public async Task A_hold_that_needs_3D_Secure_fails_clearly_and_is_cancelled()
    {
        var (driverId, card) = await SavedCardAsync(StandInCard.RequiresAuthentication);
        var payment = await _factory.Services.GetRequiredService<PaymentService>().PlaceHoldAsync(driverId, card, "AMS-CS-01", 1, "APP-1", "EUR", Ct);
        payment.Status.ShouldBe(PaymentStatus.Failed);
        payment.FailureReason.ShouldBe(StripePaymentProvider.NeedsAuthentication);
        ((string)_stripe.Intent(payment.ProviderPaymentId!)["status"]!).ShouldBe("canceled");
    }

    [Fact]
    public async Task Replacing_the_card_detaches_the_old_one_and_removing_detaches_the_new_one()
    {
        var (driverId, first) = await SavedCardAsync(StandInCard.Visa);
        var (_, second) = await SavedCardAsync(StandInCard.DeclinesCharges);
        second.PaymentMethodId.ShouldNotBe(first.PaymentMethodId);
        _stripe.PaymentMethod(first.PaymentMethodId)["customer"].ShouldBeNull();
        ((string?)_stripe.PaymentMethod(second.PaymentMethodId)["customer"]).ShouldBe(second.CustomerId);

        (await Cards.RemoveAsync(driverId, Ct)).Ok.ShouldBeTrue();
        _stripe.PaymentMethod(second.PaymentMethodId)["customer"].ShouldBeNull();
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
        (await Cards.RemoveAsync(driverId, Ct)).Message.ShouldBe("There is no saved card to remove.");
        (await ProfileAsync(driverId))!.CustomerId.ShouldBe(second.CustomerId); // the Customer stays for the next card
    }

    [Fact]
    public async Task The_test_mode_form_is_refused_when_Stripe_is_configured()
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var outcome = await Cards.AddTestCardAsync(driverId, new CardEntry("4242 4242 4242 4242", "12/40", "123"), Ct);
        outcome.Ok.ShouldBeFalse();
        outcome.Message.ShouldBe("Cards are entered on Stripe's secure page, not here.");
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
    }

    private static string Sign(string payload, string secret)
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}")))}";
    }

    private static string CheckoutCompleted(string eventId, string sessionId, string customerId, string setupIntentId) => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = "2024-06-20",
        ["created"] = 1700000000,
        ["type"] = "checkout.session.completed",
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = sessionId, ["object"] = "checkout.session", ["mode"] = "setup", ["status"] = "complete",
                ["customer"] = customerId, ["setup_intent"] = setupIntentId,
            },
        },
    }.ToJsonString();

    private async Task<(HttpStatusCode Status, string Body)> PostWebhookAsync(string payload, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        var response = await _factory.CreateClient().SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_checkout_completed_webhook_saves_the_card_once_and_replays_change_nothing()
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var start = await BeginAsync(driverId);
        var pm = _stripe.CompleteCheckout(start.SessionId);
        var session = _stripe.Session(start.SessionId);
        var payload = CheckoutCompleted("evt_cs_1", start.SessionId, (string)session["customer"]!, (string)session["setup_intent"]!);

        var first = await PostWebhookAsync(payload, Sign(payload, StripeChargePortalFactory.WebhookSecret));
        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Body.ShouldContain("Processed");
        (await Cards.GetAsync(driverId, Ct))!.PaymentMethodId.ShouldBe(pm);

        var replay = await PostWebhookAsync(payload, Sign(payload, StripeChargePortalFactory.WebhookSecret));
        replay.Status.ShouldBe(HttpStatusCode.OK);
        replay.Body.ShouldContain("already processed");

        // The driver's return page after the webhook: already saved, nothing changes.
        (await Cards.CompleteCheckoutAsync(driverId, start.SessionId, Ct)).Ok.ShouldBeTrue();
        (await ProfileAsync(driverId))!.PaymentMethodId.ShouldBe(pm);
        _stripe.Requests.Count(r => r.Method == "GET").ShouldBe(1);

        // A new event id for the same checkout (Stripe re-sends as a new event rarely, but it may) applies nothing.
        var again = CheckoutCompleted("evt_cs_2", start.SessionId, (string)session["customer"]!, (string)session["setup_intent"]!);
        (await PostWebhookAsync(again, Sign(again, StripeChargePortalFactory.WebhookSecret))).Body.ShouldContain("Nothing to do");
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("missing")]
    public async Task A_forged_checkout_completed_webhook_saves_nothing(string how)
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var start = await BeginAsync(driverId);
        _stripe.CompleteCheckout(start.SessionId);
        var session = _stripe.Session(start.SessionId);
        var payload = CheckoutCompleted("evt_cs_forged", start.SessionId, (string)session["customer"]!, (string)session["setup_intent"]!);

        var response = await PostWebhookAsync(payload, how == "missing" ? "" : Sign(payload, "whsec_attacker"));
        response.Status.ShouldBe(HttpStatusCode.BadRequest);
        response.Body.ShouldContain("Invalid Stripe-Signature");
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
        _stripe.Requests.ShouldNotContain(r => r.Method == "GET");
    }

    [Fact]
    public async Task A_webhook_for_a_checkout_nobody_is_waiting_for_changes_nothing()
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var start = await BeginAsync(driverId);
        var payload = CheckoutCompleted("evt_cs_other", "cs_test_someone_else", "cus_unknown", "seti_x");
        var response = await PostWebhookAsync(payload, Sign(payload, StripeChargePortalFactory.WebhookSecret));
        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Body.ShouldContain("Nothing to do");
        (await Cards.GetAsync(driverId, Ct)).ShouldBeNull();
        (await ProfileAsync(driverId))!.PendingCheckoutSessionId.ShouldBe(start.SessionId);
    }
}
