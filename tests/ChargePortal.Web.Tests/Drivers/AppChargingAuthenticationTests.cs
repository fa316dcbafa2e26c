using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Drivers.Charging;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Pages;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Drivers;

/// <summary>
/// Starting from the app with a card whose bank asks for 3-D Secure (test mode: Stripe's 4000 0025 0000 3155 and the
/// test bank page): nothing starts until the bank confirms, then the station starts once; a refusal starts nothing.
/// </summary>
public sealed class AppChargingAuthenticationTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string StationId = "AMS-ZA-03";
    private static readonly Uri ReturnUrl = new("http://localhost/charging/confirmed");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChargingSessionStarter Starter => factory.Services.GetRequiredService<ChargingSessionStarter>();

    private PaymentService Payments => factory.Services.GetRequiredService<PaymentService>();

    [Fact]
    public async Task The_station_starts_once_after_the_bank_confirms()
    {
        await using var cp = await ConnectStationAsync();
        var driverId = await DriverWithBankCheckedCardAsync();

        var asked = await Starter.StartAsync(driverId, StationId, 1, ReturnUrl, Ct);

        asked.Outcome.ShouldBe(StartChargingOutcome.NeedsAuthentication, asked.Message);
        asked.AuthenticationUrl!.OriginalString.ShouldStartWith(TestBank.Path + "?payment_intent=");
        var intent = asked.AuthenticationUrl.OriginalString.Split('=')[1];
        (await Payments.FindForDriverAsync(driverId, intent, Ct))!.ShouldSatisfyAllConditions(
            p => p.Status.ShouldBe(PaymentStatus.AwaitingAuthentication),
            p => p.StartRequestedAt.ShouldBeNull());

        (await factory.Services.GetRequiredService<HoldAuthentication>().RecordTestBankAnswerAsync(driverId, intent, confirmed: true, Ct)).ShouldBeTrue();
        var continuing = Starter.ContinueAfterAuthenticationAsync(driverId, intent, Ct);
        var remoteStart = await cp.ExpectCallAsync("RemoteStartTransaction");
        remoteStart[3]!["idTag"]!.GetValue<string>().ShouldBe(asked.IdTag);
        await cp.RespondAsync(remoteStart, new JsonObject { ["status"] = "Accepted" });
        var started = await continuing;

        started.Outcome.ShouldBe(StartChargingOutcome.Requested, started.Message);
        started.StationId.ShouldBe(StationId);
        (await Payments.FindForDriverAsync(driverId, intent, Ct))!.StartAcceptedAt.ShouldNotBeNull();

        // The bank's answer is used once: a reloaded return page does not start the station again.
        (await Starter.ContinueAfterAuthenticationAsync(driverId, intent, Ct)).Outcome.ShouldBe(StartChargingOutcome.AlreadyRequested);
        (await factory.Services.GetRequiredService<HoldAuthentication>().RecordTestBankAnswerAsync(driverId, intent, confirmed: true, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_station_that_refuses_after_the_bank_confirmed_releases_the_hold_and_a_reload_does_not_retry()
    {
        await using var cp = await ConnectStationAsync();
        var driverId = await DriverWithBankCheckedCardAsync();
        var asked = await Starter.StartAsync(driverId, StationId, 1, ReturnUrl, Ct);
        var intent = asked.AuthenticationUrl!.OriginalString.Split('=')[1];
        (await factory.Services.GetRequiredService<HoldAuthentication>().RecordTestBankAnswerAsync(driverId, intent, confirmed: true, Ct)).ShouldBeTrue();

        var continuing = Starter.ContinueAfterAuthenticationAsync(driverId, intent, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("RemoteStartTransaction"), new JsonObject { ["status"] = "Rejected" });
        var refused = await continuing;

        refused.Outcome.ShouldBe(StartChargingOutcome.StationRefused);
        refused.Message.ShouldContain("the hold on your card was released");
        (await Payments.FindForDriverAsync(driverId, intent, Ct))!.Status.ShouldBe(PaymentStatus.Cancelled);
        var reloaded = await Starter.ContinueAfterAuthenticationAsync(driverId, intent, Ct);
        reloaded.Outcome.ShouldBe(StartChargingOutcome.AlreadyRequested);
        reloaded.Message.ShouldBe("This confirmation was already used. To charge again, start from the station page.");
    }

    [Fact]
    public async Task A_refusal_at_the_bank_starts_nothing_and_says_why()
    {
        await using var cp = await ConnectStationAsync();
        var driverId = await DriverWithBankCheckedCardAsync();
        var asked = await Starter.StartAsync(driverId, StationId, 1, ReturnUrl, Ct);
        var intent = asked.AuthenticationUrl!.OriginalString.Split('=')[1];

        (await factory.Services.GetRequiredService<HoldAuthentication>().RecordTestBankAnswerAsync(driverId, intent, confirmed: false, Ct)).ShouldBeTrue();
        var result = await Starter.ContinueAfterAuthenticationAsync(driverId, intent, Ct);

        result.Outcome.ShouldBe(StartChargingOutcome.PaymentFailed);
        result.Message.ShouldContain(StripePaymentProvider.AuthenticationNotCompleted);
        result.Message.ShouldContain("Charging was not started.");
        (await Payments.FindForDriverAsync(driverId, intent, Ct))!.Status.ShouldBe(PaymentStatus.Failed);
    }

    [Fact]
    public async Task Someone_else_can_neither_answer_nor_continue_a_drivers_confirmation()
    {
        await using var cp = await ConnectStationAsync();
        var driverId = await DriverWithBankCheckedCardAsync();
        var asked = await Starter.StartAsync(driverId, StationId, 1, ReturnUrl, Ct);
        var intent = asked.AuthenticationUrl!.OriginalString.Split('=')[1];
        var operatorId = await factory.UserIdAsync(DemoSeeder.OperatorEmail);

        (await factory.Services.GetRequiredService<HoldAuthentication>().RecordTestBankAnswerAsync(operatorId, intent, confirmed: true, Ct)).ShouldBeFalse();
        var result = await Starter.ContinueAfterAuthenticationAsync(operatorId, intent, Ct);

        result.Outcome.ShouldBe(StartChargingOutcome.PaymentFailed);
        result.Message.ShouldBe("There is no payment of yours waiting for your bank's confirmation.");
        (await Payments.FindForDriverAsync(driverId, intent, Ct))!.Status.ShouldBe(PaymentStatus.AwaitingAuthentication);
    }

    private async Task<RawOcppClient> ConnectStationAsync()
    {
        _ = factory.BaseUri;
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, StationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Available" });
        return cp;
    }

    private async Task<string> DriverWithBankCheckedCardAsync()
    {
        var driverId = await factory.UserIdAsync(DemoSeeder.DriverEmail);
        await factory.SaveBankCheckedTestCardAsync(driverId, Ct);
        return driverId;
    }
}
