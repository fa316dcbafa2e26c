using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>
/// A hold the driver's bank wants confirmed (3-D Secure), through the real Stripe.net client against the stand-in:
/// with the driver there, the hold waits for the bank instead of being refused, and the bank's answer decides it.
/// </summary>
public sealed class StripeAuthenticationTests : IAsyncLifetime
{
    private static readonly Uri PortalBase = new("http://localhost/");
    private static readonly Uri ReturnUrl = new("https://portal.example/charging/confirmed");
    private StripeStandIn _stripe = null!;
    private StripeChargePortalFactory _factory = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _stripe = await StripeStandIn.StartAsync();
        _factory = new StripeChargePortalFactory(_stripe.BaseUri);
        _ = _factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    private PaymentService Payments => _factory.Services.GetRequiredService<PaymentService>();

    private HoldAuthentication Authentication => _factory.Services.GetRequiredService<HoldAuthentication>();

    [Fact]
    public async Task The_hold_waits_for_the_bank_and_is_in_place_once_the_driver_confirms()
    {
        var (driverId, hold) = await HoldNeedingAuthenticationAsync();

        hold.Payment.Status.ShouldBe(PaymentStatus.AwaitingAuthentication);
        hold.AuthenticationUrl.ShouldBe(new Uri(_stripe.BaseUri, $"/3ds/{hold.Payment.ProviderPaymentId}"));
        _stripe.Requests.Single(r => r.Path == "/v1/payment_intents").Form["return_url"].ShouldBe(ReturnUrl.AbsoluteUri);

        var back = _stripe.AnswerAuthentication(hold.Payment.ProviderPaymentId!, confirmed: true);
        back.Query.ShouldBe($"?payment_intent={hold.Payment.ProviderPaymentId}");
        var payment = await Authentication.CompleteAuthenticationAsync(driverId, hold.Payment.ProviderPaymentId!, Ct);

        payment!.Status.ShouldBe(PaymentStatus.Authorized);
        payment.FailureReason.ShouldBeNull();
        ((string)_stripe.Intent(payment.ProviderPaymentId!)["status"]!).ShouldBe("requires_capture");

        // The start is sent once, however often the return page is loaded.
        (await Payments.ClaimStartAsync(payment.Id, Ct)).ShouldBeTrue();
        (await Payments.ClaimStartAsync(payment.Id, Ct)).ShouldBeFalse();
        (await Authentication.CompleteAuthenticationAsync(driverId, payment.ProviderPaymentId!, Ct))!.Status.ShouldBe(PaymentStatus.Authorized);
    }

    [Fact]
    public async Task A_bank_that_refuses_fails_the_hold_with_its_reason_and_the_intent_is_cancelled()
    {
        var (driverId, hold) = await HoldNeedingAuthenticationAsync();

        _stripe.AnswerAuthentication(hold.Payment.ProviderPaymentId!, confirmed: false);
        var payment = await Authentication.CompleteAuthenticationAsync(driverId, hold.Payment.ProviderPaymentId!, Ct);

        payment!.Status.ShouldBe(PaymentStatus.Failed);
        payment.FailureReason.ShouldBe($"{StripePaymentProvider.AuthenticationNotCompleted} (The cardholder did not pass authentication.)");
        ((string)_stripe.Intent(payment.ProviderPaymentId!)["status"]!).ShouldBe("canceled");
        (await Payments.ClaimStartAsync(payment.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_driver_back_without_answering_the_bank_gets_no_hold()
    {
        var (driverId, hold) = await HoldNeedingAuthenticationAsync();

        var payment = await Authentication.CompleteAuthenticationAsync(driverId, hold.Payment.ProviderPaymentId!, Ct);

        payment!.Status.ShouldBe(PaymentStatus.Failed);
        payment.FailureReason.ShouldBe(StripePaymentProvider.AuthenticationNotCompleted);
        ((string)_stripe.Intent(payment.ProviderPaymentId!)["status"]!).ShouldBe("canceled");
    }

    [Fact]
    public async Task Another_user_cannot_complete_a_drivers_hold()
    {
        var (_, hold) = await HoldNeedingAuthenticationAsync();
        _stripe.AnswerAuthentication(hold.Payment.ProviderPaymentId!, confirmed: true);
        var operatorId = await _factory.UserIdAsync(DemoSeeder.OperatorEmail);

        (await Authentication.CompleteAuthenticationAsync(operatorId, hold.Payment.ProviderPaymentId!, Ct)).ShouldBeNull();
        (await Authentication.CompleteAuthenticationAsync(operatorId, "pi_made_up", Ct)).ShouldBeNull();

        (await StatusAsync(hold.Payment.Id)).ShouldBe(PaymentStatus.AwaitingAuthentication);
    }

    [Fact]
    public async Task An_unanswered_confirmation_is_given_up_after_the_timeout_and_the_intent_cancelled()
    {
        var (_, fresh) = await HoldNeedingAuthenticationAsync();
        var (_, stale) = await HoldNeedingAuthenticationAsync();
        await using (var db = await Db().CreateDbContextAsync(Ct))
        {
            var longAgo = DateTimeOffset.UtcNow - HoldAuthentication.AuthenticationTimeout - TimeSpan.FromMinutes(1);
            await db.Payments.Where(p => p.Id == stale.Payment.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.UpdatedAt, longAgo), Ct);
        }

        (await _factory.Services.GetRequiredService<UnusedHoldReleaser>().RunOnceAsync(Ct)).ShouldBe(0);

        (await StatusAsync(stale.Payment.Id)).ShouldBe(PaymentStatus.Failed);
        ((string)_stripe.Intent(stale.Payment.ProviderPaymentId!)["status"]!).ShouldBe("canceled");
        (await StatusAsync(fresh.Payment.Id)).ShouldBe(PaymentStatus.AwaitingAuthentication);
    }

    [Fact]
    public async Task Without_the_driver_there_a_hold_that_needs_the_bank_is_still_refused()
    {
        var driverId = await _factory.UserIdAsync(DemoSeeder.DriverEmail);
        var card = await SavedCardAsync(driverId);

        var payment = await Payments.PlaceHoldAsync(driverId, card, "AMS-CS-01", 1, "APP-1", "EUR", Ct);

        payment.Status.ShouldBe(PaymentStatus.Failed);
        payment.FailureReason.ShouldBe(StripePaymentProvider.NeedsAuthentication);
    }

    private async Task<(string DriverId, HoldOutcome Hold)> HoldNeedingAuthenticationAsync()
    {
        var driverId = await _factory.UserIdAsync(DemoSeeder.DriverEmail);
        var card = await SavedCardAsync(driverId);
        return (driverId, await Payments.PlaceHoldAsync(driverId, card, "AMS-CS-01", 1, "APP-3DS", "EUR", ReturnUrl, Ct));
    }

    private async Task<SavedCard> SavedCardAsync(string driverId)
    {
        var cards = _factory.Services.GetRequiredService<PaymentCards>();
        if (await cards.GetAsync(driverId, Ct) is { Last4: "3155" } saved)
        {
            return saved;
        }

        var (start, error) = await cards.BeginCheckoutAsync(driverId, DemoSeeder.DriverEmail,
            CardLinks.SuccessUrl(PortalBase, "/find"), CardLinks.CancelUrl(PortalBase, "/find"), Ct);
        start.ShouldNotBeNull(error);
        _stripe.CompleteCheckout(start.SessionId, StandInCard.RequiresAuthentication);
        (await cards.CompleteCheckoutAsync(driverId, start.SessionId, Ct)).Ok.ShouldBeTrue();
        return (await cards.GetAsync(driverId, Ct))!;
    }

    private async Task<PaymentStatus> StatusAsync(int paymentId)
    {
        await using var db = await Db().CreateDbContextAsync(Ct);
        return await db.Payments.Where(p => p.Id == paymentId).Select(p => p.Status).SingleAsync(Ct);
    }

    private IDbContextFactory<AppDbContext> Db() => _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
}
