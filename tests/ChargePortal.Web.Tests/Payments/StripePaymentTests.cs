using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>The host configured for Stripe, pointed at the local stand-in.</summary>
public sealed class StripeChargePortalFactory(Uri stripeBase, string overHoldPolicy = "Flag") : ChargePortalFactory
{
    public const string WebhookSecret = "whsec_test_standin";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Stripe:SecretKey"] = "sk_test_standin",
        ["Stripe:ApiBase"] = stripeBase.ToString(),
        ["Stripe:WebhookSecret"] = WebhookSecret,
        ["Payments:HoldAmount"] = "50",
        ["Payments:OverHoldPolicy"] = overHoldPolicy,
    };
}

public sealed class StripePaymentTests : IAsyncLifetime
{
    private StripeStandIn _stripe = null!;

    public async ValueTask InitializeAsync() => _stripe = await StripeStandIn.StartAsync();

    public async ValueTask DisposeAsync() => await _stripe.DisposeAsync();

    private StripePaymentProvider Provider() =>
        new(new StripeConnection(new StripeOptions { SecretKey = "sk_test_standin", ApiBase = _stripe.BaseUri.ToString() }), NullLogger<StripePaymentProvider>.Instance);

    /// <summary>Stripe's test PaymentMethod token, usable without a Customer.</summary>
    private static HoldRequest Hold(decimal amount = 50m) => new(amount, "EUR", "test", Guid.NewGuid().ToString("N"), new Dictionary<string, string>(), null, "pm_card_visa");

    /// <summary>Holds in these tests use Stripe's test token; the saved-card flows are in PaymentCardStripeTests.</summary>
    private static readonly SavedCard TestToken = new(null, "pm_card_visa", "visa", "4242", 12, 2040);

    [Fact]
    public async Task A_hold_is_a_confirmed_manual_capture_intent_in_minor_units()
    {
        var result = await Provider().PlaceHoldAsync(Hold(50m), TestContext.Current.CancellationToken);
        result.Succeeded.ShouldBeTrue(result.Error);
        var intent = _stripe.Intent(result.ProviderPaymentId!);
        ((long)intent["amount"]!).ShouldBe(5000);
        ((string)intent["status"]!).ShouldBe("requires_capture");
        var create = _stripe.Requests.Single(r => r.Path == "/v1/payment_intents");
        create.Form["capture_method"].ShouldBe("manual");
        create.Form["currency"].ShouldBe("eur");
        create.Form["payment_method"].ShouldBe("pm_card_visa");
    }

    [Fact]
    public async Task A_declined_card_is_reported_in_plain_words()
    {
        _stripe.DeclineCards = true;
        var result = await Provider().PlaceHoldAsync(Hold(), TestContext.Current.CancellationToken);
        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("The card was declined (generic decline).");
    }

    [Fact]
    public async Task Partial_capture_then_refund()
    {
        var provider = Provider();
        var ct = TestContext.Current.CancellationToken;
        var hold = await provider.PlaceHoldAsync(Hold(50m), ct);
        (await provider.CaptureAsync(hold.ProviderPaymentId!, 12.34m, "EUR", ct)).Succeeded.ShouldBeTrue();
        ((long)_stripe.Intent(hold.ProviderPaymentId!)["amount_received"]!).ShouldBe(1234);
        (await provider.RefundAsync(hold.ProviderPaymentId!, 2.34m, "EUR", "r1", ct)).Succeeded.ShouldBeTrue();
        ((long)_stripe.Intent(hold.ProviderPaymentId!)["amount_refunded"]!).ShouldBe(234);
        var tooMuch = await provider.RefundAsync(hold.ProviderPaymentId!, 20m, "EUR", "r2", ct);
        tooMuch.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task A_failed_capture_is_reported()
    {
        var provider = Provider();
        var ct = TestContext.Current.CancellationToken;
        var hold = await provider.PlaceHoldAsync(Hold(), ct);
        _stripe.FailCaptures = true;
        var capture = await provider.CaptureAsync(hold.ProviderPaymentId!, 10m, "EUR", ct);
        capture.Succeeded.ShouldBeFalse();
        capture.Error.ShouldBe("This PaymentIntent could not be captured.");
    }

    /// <summary>A session of the demo driver at AMS-CS-01; <paramref name="completedAgo"/> makes it one that ended then.</summary>
    private static async Task<(PaymentService Service, long TransactionId, string UserId)> ArrangeSessionAsync(StripeChargePortalFactory factory,
        TimeSpan? completedAgo = null, long energyWh = 0)
    {
        var services = factory.Services;
        var users = services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var driver = await users.FindByEmailAsync("driver@chargeportal.local");
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var tx = new ChargingTransaction { StationId = "AMS-CS-01", OcppTransactionId = Guid.NewGuid().ToString("N"), ConnectorId = 1, EvseId = 1, UserId = driver!.Id, IdTag = "APP-TEST" };
        if (completedAgo is { } ago)
        {
            var now = DateTimeOffset.UtcNow;
            tx.StartedAt = now - ago - TimeSpan.FromMinutes(30);
            tx.StoppedAt = now - ago;
            tx.MeterStartWh = 0;
            tx.MeterStopWh = energyWh;
            tx.EnergyWh = energyWh;
            tx.Status = TransactionStatus.Completed;
        }

        db.Transactions.Add(tx);
        await db.SaveChangesAsync();
        return (services.GetRequiredService<PaymentService>(), tx.Id, driver.Id);
    }

    /// <summary>As <see cref="ArrangeSessionAsync"/>, with a Stripe hold placed for the session and linked to it.</summary>
    private static async Task<(PaymentService Service, long TransactionId, Payment Hold)> ArrangeHeldSessionAsync(StripeChargePortalFactory factory,
        TimeSpan? completedAgo = null, long energyWh = 0)
    {
        var (service, txId, userId) = await ArrangeSessionAsync(factory, completedAgo, energyWh);
        var ct = TestContext.Current.CancellationToken;
        var hold = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-TEST", "EUR", ct);
        hold.Status.ShouldBe(PaymentStatus.Authorized);
        (await service.LinkAsync("AMS-CS-01", "APP-TEST", txId, ct)).ShouldBeTrue();
        return (service, txId, hold);
    }

    private static async Task<Payment> PaymentAsync(StripeChargePortalFactory factory, int id)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Payments.SingleAsync(p => p.Id == id);
    }

    [Theory]
    [InlineData("12.34", "Captured", "12.34", "0")]
    [InlineData("0", "Cancelled", "0", "0")]
    [InlineData("61.50", "Captured", "50", "11.50")]
    public async Task Settling_captures_exactly_the_cost_releases_zero_and_flags_more_than_the_hold(string cost, string status, string captured, string outstanding)
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, txId, payment) = await ArrangeHeldSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;

        await service.SettleAsync(txId, decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), ct);
        await service.SettleAsync(txId, 1m, ct); // a repeat changes nothing

        var settled = await PaymentAsync(factory, payment.Id);
        settled.Status.ToString().ShouldBe(status);
        settled.CapturedAmount.ShouldBe(decimal.Parse(captured, System.Globalization.CultureInfo.InvariantCulture));
        settled.OutstandingAmount.ShouldBe(decimal.Parse(outstanding, System.Globalization.CultureInfo.InvariantCulture));
        _stripe.Requests.Count(r => r.Path.EndsWith("/capture", StringComparison.Ordinal) || r.Path.EndsWith("/cancel", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Over_hold_with_charge_rest_captures_the_remainder_separately()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri, "ChargeRest");
        var (service, txId, _) = await ArrangeHeldSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        await service.SettleAsync(txId, 70m, ct);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var payments = await db.Payments.Where(p => p.TransactionId == txId).OrderBy(p => p.Id).ToListAsync(ct);
        payments.Select(p => p.CapturedAmount).ShouldBe([50m, 20m]);
        payments.ShouldAllBe(p => p.Status == PaymentStatus.Captured);
        payments[1].PaymentMethodId.ShouldBe(payments[0].PaymentMethodId); // the same saved card
        var creates = _stripe.Requests.Where(r => r.Path == "/v1/payment_intents").ToList();
        creates[0].Form.ShouldNotContainKey("off_session"); // the driver tapped Start charging
        creates[1].Form["off_session"].ShouldBe("true"); // the driver is gone when the rest is charged
    }

    [Fact]
    public async Task Declined_hold_and_failed_capture_are_recorded_with_reasons()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, txId, userId) = await ArrangeSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        _stripe.DeclineCards = true;
        var declined = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-TEST", "EUR", ct);
        declined.Status.ShouldBe(PaymentStatus.Failed);
        declined.FailureReason.ShouldBe("The card was declined (generic decline).");

        _stripe.DeclineCards = false;
        var held = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-TEST", "EUR", ct);
        await service.LinkAsync("AMS-CS-01", "APP-TEST", txId, ct);
        _stripe.FailCaptures = true;
        await service.SettleAsync(txId, 5m, ct);
        var failed = await PaymentAsync(factory, held.Id);
        failed.Status.ShouldBe(PaymentStatus.Failed);
        failed.OutstandingAmount.ShouldBe(5m);
        failed.FailureReason.ShouldBe("Capture failed: This PaymentIntent could not be captured.");
    }

    [Fact]
    public async Task Stripe_unreachable_is_reported_as_unavailable_not_as_a_refusal()
    {
        var closedPort = new StripePaymentProvider(new StripeConnection(new StripeOptions { SecretKey = "sk_test_standin", ApiBase = $"http://127.0.0.1:{ClosedPort()}/" }),
            NullLogger<StripePaymentProvider>.Instance);

        var thrown = await Should.ThrowAsync<PaymentProviderUnavailableException>(() => closedPort.CaptureAsync("pi_x", 10m, "EUR", TestContext.Current.CancellationToken));
        thrown.Message.ShouldContain("did not answer the capture of pi_x");
    }

    [Fact]
    public async Task A_capture_while_Stripe_is_down_leaves_the_hold_authorized_and_a_later_settle_captures_it()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, txId, payment) = await ArrangeHeldSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;

        _stripe.Unavailable = _ => true;
        await Should.ThrowAsync<PaymentProviderUnavailableException>(() => service.SettleAsync(txId, 12.34m, ct));
        var waiting = await PaymentAsync(factory, payment.Id);
        waiting.Status.ShouldBe(PaymentStatus.Authorized, "a 503 says nothing about the card: the hold waits for a retry, not for an operator");
        waiting.CapturedAmount.ShouldBe(0m);
        waiting.FailureReason.ShouldBeNull();

        _stripe.Unavailable = null;
        await service.SettleAsync(txId, 12.34m, ct);
        var captured = await PaymentAsync(factory, payment.Id);
        captured.Status.ShouldBe(PaymentStatus.Captured);
        captured.CapturedAmount.ShouldBe(12.34m);
        ((long)_stripe.Intent(payment.ProviderPaymentId!)["amount_received"]!).ShouldBe(1234);
    }

    [Fact]
    public async Task A_session_priced_while_Stripe_is_down_is_mailed_at_once_and_its_hold_captured_by_the_next_sweep()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (_, txId, payment) = await ArrangeHeldSessionAsync(factory, completedAgo: TimeSpan.FromMinutes(5), energyWh: 10_000);
        var ct = TestContext.Current.CancellationToken;

        _stripe.Unavailable = _ => true;
        await Should.ThrowAsync<PaymentProviderUnavailableException>(() => factory.Services.GetRequiredService<SessionPricingService>().PriceAsync(txId, ct));
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
        {
            (await db.Transactions.SingleAsync(t => t.Id == txId, ct)).Cost.ShouldNotBeNull("the price stands while the provider is down");
        }

        Directory.GetFiles(factory.MailDirectory).Select(File.ReadAllText).ShouldContain(mail => mail.Contains($"session {txId}", StringComparison.Ordinal));
        (await PaymentAsync(factory, payment.Id)).Status.ShouldBe(PaymentStatus.Authorized);

        _stripe.Unavailable = null;
        (await factory.Services.GetRequiredService<UnbilledSessionSweeper>().RunOnceAsync(ct)).ShouldBe(1);
        var captured = await PaymentAsync(factory, payment.Id);
        captured.Status.ShouldBe(PaymentStatus.Captured);
        captured.CapturedAmount.ShouldBeGreaterThan(0m);
        Directory.GetFiles(factory.MailDirectory).Count(f => File.ReadAllText(f).Contains($"session {txId}", StringComparison.Ordinal))
            .ShouldBe(1, "the sweep settles the hold; the receipt already went out");
    }

    [Fact]
    public async Task A_hold_while_Stripe_is_down_is_refused_with_the_reason()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, _, userId) = await ArrangeSessionAsync(factory);
        _stripe.Unavailable = _ => true;

        var hold = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-TEST", "EUR", TestContext.Current.CancellationToken);

        hold.Status.ShouldBe(PaymentStatus.Failed, "charging must not start without a confirmed hold");
        hold.FailureReason.ShouldBe("The payment provider could not be reached; nothing was charged. Try again in a moment.");
        (await PaymentAsync(factory, hold.Id)).Status.ShouldBe(PaymentStatus.Failed);
    }

    [Fact]
    public async Task A_hold_Stripe_placed_without_answering_is_found_later_and_released()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, _, userId) = await ArrangeSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        _stripe.FailAfterCreatingIntents = true;

        var hold = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-TEST", "EUR", ct);
        _stripe.FailAfterCreatingIntents = false;

        hold.Status.ShouldBe(PaymentStatus.Failed);
        hold.HoldOutcomeUnknown.ShouldBeTrue();
        var placed = _stripe.IntentsFor(hold.Id).ShouldHaveSingleItem("Stripe.net's retries reuse the idempotency key");
        ((string)placed["status"]!).ShouldBe("requires_capture");

        // Not looked for again within the minute; then, while Stripe's search still lags, a miss is not trusted.
        (await Unanswered(factory).ReleaseUnknownHoldsAsync(ct)).ShouldBe(0);
        _stripe.SearchLags = true;
        await AgeAsync(factory, hold.Id, UnansweredHolds.SearchInterval);
        (await Unanswered(factory).ReleaseUnknownHoldsAsync(ct)).ShouldBe(0);
        (await PaymentAsync(factory, hold.Id)).HoldOutcomeUnknown.ShouldBeTrue();

        _stripe.SearchLags = false;
        await AgeAsync(factory, hold.Id, UnansweredHolds.SearchInterval);
        (await Unanswered(factory).ReleaseUnknownHoldsAsync(ct)).ShouldBe(1);

        ((string)placed["status"]!).ShouldBe("canceled");
        var after = await PaymentAsync(factory, hold.Id);
        after.Status.ShouldBe(PaymentStatus.Failed);
        after.HoldOutcomeUnknown.ShouldBeFalse();
        after.ProviderPaymentId.ShouldBe((string)placed["id"]!);
        after.FailureReason.ShouldBe("The payment provider could not be reached; nothing was charged. Try again in a moment. A hold the provider placed after all was released.");
    }

    [Fact]
    public async Task A_hold_Stripe_never_placed_stops_being_looked_for_after_the_search_window()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, _, userId) = await ArrangeSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        _stripe.Unavailable = path => path == "/v1/payment_intents";
        var hold = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-TEST", "EUR", ct);
        _stripe.Unavailable = null;
        hold.HoldOutcomeUnknown.ShouldBeTrue();

        await AgeAsync(factory, hold.Id, UnansweredHolds.SearchInterval);
        (await Unanswered(factory).ReleaseUnknownHoldsAsync(ct)).ShouldBe(0);
        (await PaymentAsync(factory, hold.Id)).HoldOutcomeUnknown.ShouldBeTrue("a miss within the first hour may be the search lagging");

        await AgeAsync(factory, hold.Id, UnansweredHolds.SearchWindow);
        (await Unanswered(factory).ReleaseUnknownHoldsAsync(ct)).ShouldBe(0);
        (await PaymentAsync(factory, hold.Id)).HoldOutcomeUnknown.ShouldBeFalse();
        _stripe.IntentsFor(hold.Id).ShouldBeEmpty();
    }

    private static UnansweredHolds Unanswered(StripeChargePortalFactory factory) => factory.Services.GetRequiredService<UnansweredHolds>();

    /// <summary>Moves the payment's times back, as if <paramref name="by"/> had passed.</summary>
    private static async Task AgeAsync(StripeChargePortalFactory factory, int paymentId, TimeSpan by)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, TestContext.Current.CancellationToken);
        payment.CreatedAt -= by + TimeSpan.FromSeconds(1);
        payment.UpdatedAt -= by + TimeSpan.FromSeconds(1);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_remainder_Stripe_does_not_answer_for_is_left_outstanding_with_the_reason()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri, "ChargeRest");
        var (service, txId, _) = await ArrangeHeldSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        _stripe.Unavailable = path => path == "/v1/payment_intents"; // captures work, new intents do not

        await service.SettleAsync(txId, 70m, ct);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var payments = await db.Payments.Where(p => p.TransactionId == txId).OrderBy(p => p.Id).ToListAsync(ct);
        payments.Select(p => p.Status).ShouldBe([PaymentStatus.Captured, PaymentStatus.Failed]);
        payments[0].CapturedAmount.ShouldBe(50m);
        payments[1].OutstandingAmount.ShouldBe(20m, "the operator sees what is still owed");
        payments[1].FailureReason.ShouldBe("The payment provider could not be reached; the remainder was not charged.");
    }

    [Fact]
    public async Task A_refund_while_Stripe_is_down_is_refused_in_plain_words_and_changes_nothing()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, txId, payment) = await ArrangeHeldSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        await service.SettleAsync(txId, 10m, ct);

        _stripe.Unavailable = _ => true;
        var refund = await service.RefundAsync(payment.Id, 4m, "op", null, ct);
        refund.Succeeded.ShouldBeFalse();
        refund.Message.ShouldBe("The payment provider could not be reached, so the refund is not confirmed. Try the same amount again in a moment.");
        var unchanged = await PaymentAsync(factory, payment.Id);
        unchanged.Status.ShouldBe(PaymentStatus.Captured);
        unchanged.RefundedAmount.ShouldBe(0m);
    }

    [Fact]
    public async Task Refunds_are_bounded_by_what_was_captured()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, txId, payment) = await ArrangeHeldSessionAsync(factory);
        var ct = TestContext.Current.CancellationToken;
        await service.SettleAsync(txId, 10m, ct);

        (await service.RefundAsync(payment.Id, 11m, "op", null, ct)).Message.ShouldBe("The refund must be more than 0 and at most 10.00 EUR.");
        (await service.RefundAsync(payment.Id, -1m, "op", null, ct)).Succeeded.ShouldBeFalse();
        (await service.RefundAsync(payment.Id, 4m, "op", null, ct)).Succeeded.ShouldBeTrue();
        (await PaymentAsync(factory, payment.Id)).Status.ShouldBe(PaymentStatus.PartiallyRefunded);
        (await service.RefundAsync(payment.Id, 6m, "op", null, ct)).Succeeded.ShouldBeTrue();
        var refunded = await PaymentAsync(factory, payment.Id);
        refunded.Status.ShouldBe(PaymentStatus.Refunded);
        refunded.RefundedAmount.ShouldBe(10m);
        (await service.RefundAsync(payment.Id, 1m, "op", null, ct)).Succeeded.ShouldBeFalse();
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Sign(string payload, string secret, long? timestamp = null)
    {
        var t = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private static string Event(string id, string type, string intentId, long amountReceived) => new System.Text.Json.Nodes.JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = "2024-06-20",
        ["created"] = 1700000000,
        ["type"] = type,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["data"] = new System.Text.Json.Nodes.JsonObject
        {
            ["object"] = new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = intentId, ["object"] = "payment_intent", ["amount"] = 5000, ["amount_received"] = amountReceived, ["currency"] = "eur", ["status"] = "succeeded",
            },
        },
    }.ToJsonString();

    private static async Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, string payload, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Webhook_with_a_valid_signature_is_applied_once_and_replays_change_nothing()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, _, userId) = await ArrangeSessionAsync(factory);
        var payment = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-X", "EUR", TestContext.Current.CancellationToken);
        var client = factory.CreateClient();

        var payload = Event("evt_1", "payment_intent.succeeded", payment.ProviderPaymentId!, 1234);
        var first = await PostWebhookAsync(client, payload, Sign(payload, StripeChargePortalFactory.WebhookSecret));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Processed");
        var after = await PaymentAsync(factory, payment.Id);
        after.Status.ShouldBe(PaymentStatus.Captured);
        after.CapturedAmount.ShouldBe(12.34m);

        // The same event again, with a different amount in a re-signed body: it is a replay by id and changes nothing.
        var replay = Event("evt_1", "payment_intent.succeeded", payment.ProviderPaymentId!, 9999);
        var second = await PostWebhookAsync(client, replay, Sign(replay, StripeChargePortalFactory.WebhookSecret));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("already processed");
        (await PaymentAsync(factory, payment.Id)).CapturedAmount.ShouldBe(12.34m);
    }

    [Fact]
    public async Task A_hold_confirmed_with_the_bank_is_authorized_by_the_webhook_even_if_the_driver_never_comes_back()
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, _, userId) = await ArrangeSessionAsync(factory);
        var payment = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-X", "EUR", TestContext.Current.CancellationToken);
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            await db.Payments.Where(p => p.Id == payment.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PaymentStatus.AwaitingAuthentication), TestContext.Current.CancellationToken);
        }

        var payload = Event("evt_3ds", "payment_intent.amount_capturable_updated", payment.ProviderPaymentId!, 0);
        (await PostWebhookAsync(factory.CreateClient(), payload, Sign(payload, StripeChargePortalFactory.WebhookSecret))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Authorized but not started: the unused-hold job releases it like any hold no session used.
        var after = await PaymentAsync(factory, payment.Id);
        after.Status.ShouldBe(PaymentStatus.Authorized);
        after.StartRequestedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("stale")]
    [InlineData("missing")]
    public async Task Forged_webhooks_are_rejected_and_change_nothing(string how)
    {
        await using var factory = new StripeChargePortalFactory(_stripe.BaseUri);
        var (service, _, userId) = await ArrangeSessionAsync(factory);
        var payment = await service.PlaceHoldAsync(userId, TestToken, "AMS-CS-01", 1, "APP-X", "EUR", TestContext.Current.CancellationToken);
        var payload = Event("evt_forged", "payment_intent.canceled", payment.ProviderPaymentId!, 0);
        var signature = how switch
        {
            "wrong-secret" => Sign(payload, "whsec_attacker"),
            "stale" => Sign(payload, StripeChargePortalFactory.WebhookSecret, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()),
            _ => "",
        };
        var response = await PostWebhookAsync(factory.CreateClient(), payload, signature);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Invalid Stripe-Signature");
        (await PaymentAsync(factory, payment.Id)).Status.ShouldBe(PaymentStatus.Authorized);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        (await db.ProcessedWebhookEvents.AnyAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
    }
}
