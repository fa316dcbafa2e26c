using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Drivers.Cards;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Ocpp.V201SessionOwnershipTests;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>
/// RFID sessions are paid: where a site charges them to the driver's saved payment card (PostPaid, the default), a
/// driver's card without one on file is refused at Authorize (1.6 Invalid, 2.0.1 NoCredit with the reason), and a
/// session started with the card gets an off-session hold linked to it, captured with the exact cost when it ends.
/// Free and operator-invoiced sites need no payment card. A card an operator blocked stays blocked for its driver.
/// Real OCPP over Kestrel and SQLite; the simulated payment provider. Zuidas and Westerpark stations (no site power
/// limit, so no charging profiles interleave); the demo tariff is €0.39/kWh.
/// </summary>
public sealed class RfidCardBillingTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string DriverCard = "DEMO-DRIVER-CARD";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_drivers_card_without_a_payment_card_is_refused_at_Authorize_on_both_versions_until_one_is_saved()
    {
        var (driverId, email) = await NewDriverAsync();
        var card = await CreateCardAsync(email);
        await using var v16 = await BootAsync("AMS-ZA-01", V16);
        await using var v201 = await BootAsync("AMS-ZA-02", V201);

        (await Authorize16Async(v16, card)).ShouldBe("Invalid", "1.6 has no NoCredit: the card may not charge here");
        var start = await v16.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = card, ["meterStart"] = 0, ["timestamp"] = Iso(DateTimeOffset.UtcNow) });
        start["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid", "a start without Authorize (local cache) is refused too, so the station ends it");
        var refused = (await v201.CallOkAsync("Authorize", new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = card, ["type"] = "ISO14443" } }))["idTokenInfo"]!;
        refused["status"]!.GetValue<string>().ShouldBe("NoCredit");
        refused["personalMessage"]!["content"]!.GetValue<string>().ShouldBe(RfidCardBilling.NoPaymentCardReason);
        var tapped = await v201.CallOkAsync("TransactionEvent", Event("tx-no-card", "Started", 0, DateTimeOffset.UtcNow, "Authorized", 0, "Transaction.Begin", token: card));
        tapped["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("NoCredit", "the station must end a transaction the card may not pay for");
        (await PaymentsOfAsync(driverId)).ShouldBeEmpty("nothing is held without a card");

        await factory.SaveTestCardAsync(driverId, Ct);

        (await Authorize16Async(v16, card)).ShouldBe("Accepted");
        var accepted = (await v201.CallOkAsync("Authorize", new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = card, ["type"] = "ISO14443" } }))["idTokenInfo"]!;
        accepted["status"]!.GetValue<string>().ShouldBe("Accepted");
        accepted.AsObject().ContainsKey("personalMessage").ShouldBeFalse();
    }

    [Fact]
    public async Task A_16_RFID_session_is_held_on_the_drivers_saved_card_at_the_start_and_captured_at_the_end()
    {
        const string stationId = "AMS-ZA-03";
        await using var cp = await BootAsync(stationId, V16);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        var started = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = DriverCard, ["meterStart"] = 1_000, ["timestamp"] = Iso(t0) });
        started["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        var transactionId = started["transactionId"]!.GetValue<int>();
        var session = await SessionAsync(stationId, transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var hold = await EventuallyAsync(() => SessionPaymentAsync(session.Id), p => p is not null);
        hold.ShouldNotBeNull("the hold is placed when the session starts").ShouldSatisfyAllConditions(
            p => p.Status.ShouldBe(PaymentStatus.Authorized),
            p => p.UserId.ShouldBe(session.UserId),
            p => p.IdTag.ShouldBe(DriverCard),
            p => p.HoldAmount.ShouldBe(50m));

        await cp.CallOkAsync("StopTransaction", new JsonObject { ["transactionId"] = transactionId, ["idTag"] = DriverCard, ["meterStop"] = 11_000, ["timestamp"] = Iso(t0.AddMinutes(25)) });

        var captured = await EventuallyAsync(() => SessionPaymentAsync(session.Id), p => p?.Status == PaymentStatus.Captured);
        captured!.Status.ShouldBe(PaymentStatus.Captured);
        captured.CapturedAmount.ShouldBe(3.90m, "10 kWh × €0.39");
        captured.Id.ShouldBe(hold.Id, "the same hold, captured: one payment for the session");
    }

    [Fact]
    public async Task A_201_plug_in_first_then_tap_session_is_charged_to_the_drivers_saved_card()
    {
        const string stationId = "AMS-WP-01";
        await using var cp = await BootAsync(stationId, V201);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);

        await cp.CallOkAsync("TransactionEvent", Event("tx-rfid-late", "Started", 0, t0, "CablePluggedIn", 2_000, "Transaction.Begin"));
        var session = await SessionAsync(stationId, "tx-rfid-late");
        (await SessionPaymentAsync(session.Id)).ShouldBeNull("no token yet, nobody to charge");

        var tapped = await cp.CallOkAsync("TransactionEvent", Event("tx-rfid-late", "Updated", 1, t0.AddMinutes(1), "Authorized", token: DriverCard));
        tapped["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await SessionPaymentAsync(session.Id)).ShouldNotBeNull("the hold is linked as the card is tapped").Status.ShouldBe(PaymentStatus.Authorized);

        var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-rfid-late", "Ended", 2, t0.AddMinutes(20), "EVCommunicationLost", 7_000, "Transaction.End", stoppedReason: "EVDisconnected"));
        ended["totalCost"]!.GetValue<decimal>().ShouldBe(1.95m, "5 kWh × €0.39");

        var payment = await EventuallyAsync(() => SessionPaymentAsync(session.Id), p => p?.Status == PaymentStatus.Captured);
        payment!.Status.ShouldBe(PaymentStatus.Captured);
        payment.CapturedAmount.ShouldBe(1.95m);
    }

    [Fact]
    public async Task Free_and_operator_invoiced_sites_need_no_payment_card_and_charge_no_card()
    {
        var (driverId, email) = await NewDriverAsync();
        var card = await CreateCardAsync(email);
        await using var free = await BootAsync("AMS-WP-02", V201);
        await using var invoiced = await BootAsync("AMS-WP-03", V16);
        try
        {
            await SetPolicyAsync("AMS-WP-02", RfidBillingPolicy.Free);
            var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
            var started = await free.CallOkAsync("TransactionEvent", Event("tx-free-rfid", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: card));
            started["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted", "a free site asks for no payment card");
            var ended = await free.CallOkAsync("TransactionEvent", Event("tx-free-rfid", "Ended", 1, t0.AddMinutes(20), "EVCommunicationLost", 11_000, "Transaction.End",
                stoppedReason: "EVDisconnected"));
            ended["totalCost"]!.GetValue<decimal>().ShouldBe(0.00m, "RFID sessions are free here (I03.FR.04)");

            await SetPolicyAsync("AMS-WP-03", RfidBillingPolicy.OperatorInvoiced);
            (await Authorize16Async(invoiced, card)).ShouldBe("Accepted", "the operator invoices: no payment card needed");
            var start = await invoiced.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = card, ["meterStart"] = 0, ["timestamp"] = Iso(t0) });
            await invoiced.CallOkAsync("StopTransaction", new JsonObject { ["transactionId"] = start["transactionId"]!.GetValue<int>(), ["meterStop"] = 10_000, ["timestamp"] = Iso(t0.AddMinutes(20)) });
            var priced = await EventuallyAsync(() => TransactionsAsync(factory, "AMS-WP-03"), rows => rows.Any(r => r.GetProperty("cost").ValueKind == System.Text.Json.JsonValueKind.Number));
            priced.Single().GetProperty("cost").GetDecimal().ShouldBe(3.90m, "priced as usual, for the operator's invoice");

            (await PaymentsOfAsync(driverId)).ShouldBeEmpty("no card is charged on either site");
            await SetPolicyAsync("AMS-WP-03", RfidBillingPolicy.PostPaid);
            (await Authorize16Async(invoiced, card)).ShouldBe("Invalid", "back to post-paid, the card needs a payment card again");
        }
        finally
        {
            await SetPolicyAsync("AMS-WP-03", RfidBillingPolicy.PostPaid); // the same site as WP-01 and WP-02
        }
    }

    [Fact]
    public async Task A_driver_cannot_unblock_a_card_an_operator_blocked()
    {
        var driverId = await factory.UserIdAsync(DemoSeeder.DriverEmail);
        var cards = factory.Services.GetRequiredService<DriverCards>();
        var number = "OB" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        (await cards.AddAsync(driverId, number, "Lost fob", Ct)).Ok.ShouldBeTrue();
        var cardId = (await cards.ListAsync(driverId, Ct)).Single(c => c.IdTag == number).Id;
        var api = factory.CreateApi();

        (await api.PostAsJsonAsync("/api/tokens", new { idTag = number, status = "Blocked" }, Ct)).EnsureSuccessStatusCode();
        (await cards.ListAsync(driverId, Ct)).Single(c => c.IdTag == number).BlockedByOperator.ShouldBeTrue();

        var unblock = await cards.SetBlockedAsync(driverId, cardId, false, Ct);
        unblock.Ok.ShouldBeFalse();
        unblock.Message.ShouldBe("An operator blocked this card; only an operator can unblock it.");
        (await TokenAsync(number)).Status.ShouldBe(IdTokenStatus.Blocked, "nothing changed");
        await using (var v16 = await BootAsync("AMS-ZA-01", V16))
        {
            (await Authorize16Async(v16, number)).ShouldBe("Blocked");
        }

        // Renaming is still the driver's; an operator's unblock lifts the operator's block.
        (await cards.RenameAsync(driverId, cardId, "Found it", Ct)).Ok.ShouldBeTrue();
        (await api.PostAsJsonAsync("/api/tokens", new { idTag = number, status = "Accepted" }, Ct)).EnsureSuccessStatusCode();
        (await TokenAsync(number)).BlockedByOperator.ShouldBeFalse();

        // The driver's own block is theirs to lift, even when an operator later edits the card without changing its status.
        (await cards.SetBlockedAsync(driverId, cardId, true, Ct)).Ok.ShouldBeTrue();
        (await api.PostAsJsonAsync("/api/tokens", new { idTag = number, label = "Renamed by operator" }, Ct)).EnsureSuccessStatusCode();
        (await cards.SetBlockedAsync(driverId, cardId, false, Ct)).ShouldSatisfyAllConditions(r => r.Ok.ShouldBeTrue(r.Message), r => r.Message.ShouldBe("Card unblocked."));
    }

    [Fact]
    public void An_unknown_site_policy_is_refused_with_the_choices()
    {
        var edit = new SiteEdit("Site", null, null, "NL", 52, 4, "Europe/Amsterdam", null, [], RfidBilling: (RfidBillingPolicy)42);
        SiteAdmin.Validate(edit).ShouldBe("RFID billing must be PostPaid, Free or OperatorInvoiced.");
        SiteAdmin.Validate(edit with { RfidBilling = RfidBillingPolicy.OperatorInvoiced }).ShouldBeNull();
    }

    private async Task<RawOcppClient> BootAsync(string stationId, string[] version)
    {
        _ = factory.BaseUri;
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, version);
        (await cp.CallOkAsync("BootNotification", version == V16 ? Boot16() : Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        return cp;
    }

    private static async Task<string> Authorize16Async(RawOcppClient cp, string idTag) =>
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = idTag }))["idTagInfo"]!["status"]!.GetValue<string>();

    private async Task<(string Id, string Email)> NewDriverAsync()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"rfid-{Guid.NewGuid():N}@chargeportal.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, ChargePortalFactory.DemoPassword)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, Roles.Driver);
        return (user.Id, email);
    }

    /// <summary>A new RFID card of the driver, registered by an operator through the API.</summary>
    private async Task<string> CreateCardAsync(string driverEmail)
    {
        var idTag = "RB" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        (await factory.CreateApi().PostAsJsonAsync("/api/tokens", new { idTag, status = "Accepted", driverEmail }, Ct)).EnsureSuccessStatusCode();
        return idTag;
    }

    private async Task SetPolicyAsync(string stationId, RfidBillingPolicy policy)
    {
        await using var db = await DbAsync();
        await db.Sites.Where(s => s.Stations.Any(st => st.Id == stationId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.RfidBilling, policy), Ct);
    }

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<ChargingTransaction> SessionAsync(string stationId, string transactionId)
    {
        await using var db = await DbAsync();
        return await db.Transactions.AsNoTracking().SingleAsync(t => t.StationId == stationId && t.OcppTransactionId == transactionId, Ct);
    }

    private async Task<Payment?> SessionPaymentAsync(long sessionId)
    {
        await using var db = await DbAsync();
        return await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.TransactionId == sessionId, Ct);
    }

    private async Task<List<Payment>> PaymentsOfAsync(string userId)
    {
        await using var db = await DbAsync();
        return await db.Payments.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(Ct);
    }

    private async Task<IdToken> TokenAsync(string idTag)
    {
        await using var db = await DbAsync();
        return await db.IdTokens.AsNoTracking().SingleAsync(t => t.IdTag == idTag, Ct);
    }
}
