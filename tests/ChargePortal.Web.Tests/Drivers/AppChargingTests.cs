using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Drivers.Charging;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Drivers;

/// <summary>A driver starts charging from the app at a 1.6 station (simulated payments) and stops it; the session is priced, paid and mailed.</summary>
public sealed class AppChargingTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    [Fact]
    public async Task Start_from_the_app_charge_stop_then_cost_payment_and_receipt()
    {
        const string stationId = "AMS-ZA-02";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Available" });
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var starter = factory.Services.GetRequiredService<ChargingSessionStarter>();

        var starting = starter.StartAsync(driverId, stationId, 1, Ct);
        var remoteStart = await cp.ExpectCallAsync("RemoteStartTransaction");
        var idTag = remoteStart[3]!["idTag"]!.GetValue<string>();
        idTag.ShouldStartWith("APP-");
        idTag.Length.ShouldBeLessThanOrEqualTo(20);
        remoteStart[3]!["connectorId"]!.GetValue<int>().ShouldBe(1);
        await cp.RespondAsync(remoteStart, new JsonObject { ["status"] = "Accepted" });
        var result = await starting;
        result.Outcome.ShouldBe(StartChargingOutcome.Requested, result.Message);
        result.Message.ShouldContain("held on your Visa •••• 4242");

        await using (var db = await DbAsync())
        {
            (await db.IdTokens.SingleAsync(t => t.IdTag == idTag, Ct)).ShouldSatisfyAllConditions(t => t.Kind.ShouldBe(IdTokenKind.App), t => t.UserId.ShouldBe(driverId));
            var held = await db.Payments.SingleAsync(p => p.Id == result.PaymentId, Ct);
            held.Status.ShouldBe(PaymentStatus.Authorized);
            held.StartAcceptedAt.ShouldNotBeNull(); // the unused-hold timeout runs from here
            held.PaymentMethodId.ShouldStartWith("pm_sim_succeeds_");
        }

        // The car is plugged in: the station starts with the app token and reports 10 kWh over 20 minutes.
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-25);
        var started = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = idTag, ["meterStart"] = 1_000, ["timestamp"] = Iso(t0) });
        var txId = started["transactionId"]!.GetValue<int>();
        await cp.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = txId, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(10), 6_000)) });
        var sessionId = await starter.WaitForSessionAsync(stationId, idTag, t0, TimeSpan.FromSeconds(10), Ct);
        sessionId.ShouldNotBeNull();

        // Only the owner may stop it.
        (await starter.StopAsync(await UserIdAsync("operator@chargeportal.local"), sessionId.Value, Ct)).Message.ShouldBe("Session not found.");
        var stopping = starter.StopAsync(driverId, sessionId.Value, Ct);
        var remoteStop = await cp.ExpectCallAsync("RemoteStopTransaction");
        remoteStop[3]!["transactionId"]!.GetValue<int>().ShouldBe(txId);
        await cp.RespondAsync(remoteStop, new JsonObject { ["status"] = "Accepted" });
        (await stopping).Succeeded.ShouldBeTrue();
        await cp.CallOkAsync("StopTransaction", new JsonObject { ["transactionId"] = txId, ["meterStop"] = 11_000, ["timestamp"] = Iso(t0.AddMinutes(20)), ["reason"] = "Remote" });

        // Demo tariff: €0.39/kWh, time fee only after 2 h, idle fee after 15 min grace → 10 kWh = €3.90.
        var priced = await EventuallyAsync(async () =>
        {
            await using var db = await DbAsync();
            return await db.Transactions.AsNoTracking().SingleAsync(t => t.Id == sessionId, Ct);
        }, t => t.Cost is not null);
        priced.UserId.ShouldBe(driverId);
        priced.Cost.ShouldBe(3.90m);
        priced.Currency.ShouldBe("EUR");
        priced.TariffId.ShouldNotBeNull();

        var payment = await EventuallyAsync(async () =>
        {
            await using var db = await DbAsync();
            return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == result.PaymentId, Ct);
        }, p => p.Status != PaymentStatus.Authorized && p.Status != PaymentStatus.Settling);
        payment.TransactionId.ShouldBe(sessionId);
        payment.Status.ShouldBe(PaymentStatus.Captured);
        payment.CapturedAmount.ShouldBe(3.90m);

        var receipt = await EventuallyAsync(() => Task.FromResult(Directory.Exists(factory.MailDirectory)
            ? Directory.GetFiles(factory.MailDirectory, "*.eml").Select(File.ReadAllText).FirstOrDefault(m => m.Contains($"session {sessionId}", StringComparison.Ordinal))
            : null), m => m is not null);
        receipt.ShouldNotBeNull();
        receipt.ShouldContain("To: driver@chargeportal.local");
        receipt.ShouldContain("Total €3.90");
        receipt.ShouldContain("VAT 21% €0.68");
    }

    [Fact]
    public async Task An_offline_station_gets_no_hold()
    {
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var starter = factory.Services.GetRequiredService<ChargingSessionStarter>();
        var result = await starter.StartAsync(driverId, "AMS-WP-03", 1, Ct);
        result.Outcome.ShouldBe(StartChargingOutcome.StationOffline);
        result.PaymentId.ShouldBeNull();
        (await starter.StartAsync(driverId, "NO-SUCH-STATION", 1, Ct)).Outcome.ShouldBe(StartChargingOutcome.UnknownStation);
        (await starter.StartAsync(driverId, "AMS-WP-03", 99, Ct)).Message.ShouldBe("Station AMS-WP-03 has no connector 99.");
    }

    [Fact]
    public async Task A_refused_remote_start_releases_the_hold()
    {
        const string stationId = "AMS-ZA-03";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var driverId = await UserIdAsync("driver@chargeportal.local");
        var starting = factory.Services.GetRequiredService<ChargingSessionStarter>().StartAsync(driverId, stationId, 1, Ct);
        var remoteStart = await cp.ExpectCallAsync("RemoteStartTransaction");
        await cp.RespondAsync(remoteStart, new JsonObject { ["status"] = "Rejected" });
        var result = await starting;
        result.Outcome.ShouldBe(StartChargingOutcome.StationRefused);
        result.Message.ShouldBe("The station refused to start (Rejected); the hold on your card was released.");
        await using var db = await DbAsync();
        (await db.Payments.SingleAsync(p => p.Id == result.PaymentId, Ct)).Status.ShouldBe(PaymentStatus.Cancelled);
    }

    private async Task<string> NewDriverAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"nocard-{Guid.NewGuid():N}@chargeportal.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.Driver);
        return user.Id;
    }

    [Fact]
    public async Task Without_a_saved_card_nothing_is_held_and_the_station_is_not_asked()
    {
        var driverId = await NewDriverAsync();
        var starter = factory.Services.GetRequiredService<ChargingSessionStarter>();
        // An offline station: the card check comes before anything else, so the answer is about the card.
        var result = await starter.StartAsync(driverId, "AMS-WP-02", 1, Ct);
        result.Outcome.ShouldBe(StartChargingOutcome.NoPaymentCard);
        result.Message.ShouldBe("Add a payment card first: charging starts with a hold on your card. Nothing was charged.");
        result.PaymentId.ShouldBeNull();
        await using var db = await DbAsync();
        (await db.Payments.AnyAsync(p => p.UserId == driverId, Ct)).ShouldBeFalse();
        (await db.IdTokens.AnyAsync(t => t.UserId == driverId, Ct)).ShouldBeFalse(); // no app token, so no remote start either
    }

    [Fact]
    public async Task A_declined_test_card_fails_the_hold_and_the_station_is_not_asked()
    {
        const string stationId = "AMS-CS-02";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var driverId = await NewDriverAsync();
        var next = (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await factory.Services.GetRequiredService<PaymentCards>().AddTestCardAsync(driverId, new CardEntry("4000 0000 0000 0002", "12/" + next, "123"), Ct)).Ok.ShouldBeTrue();

        var result = await factory.Services.GetRequiredService<ChargingSessionStarter>().StartAsync(driverId, stationId, 1, Ct);
        result.Outcome.ShouldBe(StartChargingOutcome.PaymentFailed);
        result.Message.ShouldBe("Your Visa •••• 0002 could not be authorised: The card was declined (generic decline). Charging was not started.");
        await using var db = await DbAsync();
        var payment = await db.Payments.SingleAsync(p => p.Id == result.PaymentId, Ct);
        payment.Status.ShouldBe(PaymentStatus.Failed);
        payment.StartAcceptedAt.ShouldBeNull();
        // A remote start would have waited for an answer this test never gives (and then read "did not answer"):
        // PaymentFailed means it was never sent.
    }
}
