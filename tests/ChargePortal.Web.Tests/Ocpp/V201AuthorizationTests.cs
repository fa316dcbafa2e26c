using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Ocpp.V201SessionOwnershipTests;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// idTokenInfo as the spec has it: the group (parent token) in every answer (C01.FR.06, E01.FR.12), a group member may
/// end another member's session (E07) without taking it over, and idToken.type NoAuthorization is free vend where the
/// station or its site offers it (priced at nothing, totalCost 0.00 by I03.FR.04), Invalid elsewhere.
/// </summary>
public sealed class V201AuthorizationTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_idTokenInfo_carries_the_group_and_a_group_member_may_stop_the_session()
    {
        await CreateTokenAsync("FLEET-GROUP-A", null, "Central");
        await CreateTokenAsync("FLEET-A-1", "FLEET-GROUP-A");
        await CreateTokenAsync("FLEET-A-2", "FLEET-GROUP-A");
        await using var cp = await BootAsync("V201-GROUP");

        var authorized = await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = Token("FLEET-A-1") });
        authorized["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        authorized["idTokenInfo"]!["groupIdToken"]!["idToken"]!.GetValue<string>().ShouldBe("FLEET-GROUP-A");
        authorized["idTokenInfo"]!["groupIdToken"]!["type"]!.GetValue<string>().ShouldBe("Central");
        var ungrouped = await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = Token("DEMO-DRIVER-CARD") });
        ungrouped["idTokenInfo"]!.AsObject().ContainsKey("groupIdToken").ShouldBeFalse();

        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        var started = await cp.CallOkAsync("TransactionEvent", Event("tx-group", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: "FLEET-A-1"));
        started["idTokenInfo"]!["groupIdToken"]!["idToken"]!.GetValue<string>().ShouldBe("FLEET-GROUP-A");

        // Another card of the group ends it (E07: the station checked the group locally; the CSMS confirms it).
        var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-group", "Ended", 1, t0.AddMinutes(5), "StopAuthorized", 1_000, "Transaction.End",
            token: "FLEET-A-2", stoppedReason: "Local"));
        ended["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        ended["idTokenInfo"]!["groupIdToken"]!["idToken"]!.GetValue<string>().ShouldBe("FLEET-GROUP-A");
        ended["totalCost"]!.GetValue<decimal>().ShouldBe(0.00m, "no energy, nothing to pay");
        var session = (await TransactionsAsync(factory, "V201-GROUP")).Single();
        session.GetProperty("idTag").GetString().ShouldBe("FLEET-A-1", "the session stays its starter's");
        session.GetProperty("status").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task A_16_Authorize_and_StartTransaction_carry_the_parent()
    {
        await CreateTokenAsync("FLEET-GROUP-B", null, "Central");
        await CreateTokenAsync("FLEET-B-1", "FLEET-GROUP-B");
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "V16-GROUP", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = "FLEET-B-1" }))["idTagInfo"]!["parentIdTag"]!.GetValue<string>().ShouldBe("FLEET-GROUP-B");
        var started = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "FLEET-B-1", ["meterStart"] = 0, ["timestamp"] = Iso(DateTimeOffset.UtcNow) });
        started["idTagInfo"]!["parentIdTag"]!.GetValue<string>().ShouldBe("FLEET-GROUP-B");
    }

    [Fact]
    public async Task NoAuthorization_is_refused_where_free_vend_is_not_offered()
    {
        await using var cp = await BootAsync("AMS-CS-01");
        var authorize = await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = NoAuthorization() });
        authorize["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");

        var started = await cp.CallOkAsync("TransactionEvent", Event("tx-no-auth-refused", "Started", 0, DateTimeOffset.UtcNow, "Authorized", token: "", tokenType: "NoAuthorization"));
        started["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");
    }

    [Fact]
    public async Task NoAuthorization_is_free_vend_on_a_station_or_site_that_offers_it()
    {
        await using (var db = await DbAsync())
        {
            await db.Stations.Where(s => s.Id == "AMS-ZA-03").ExecuteUpdateAsync(u => u.SetProperty(s => s.FreeVend, true), Ct);
            await db.Sites.Where(s => s.Name == "Westerpark Garage").ExecuteUpdateAsync(u => u.SetProperty(s => s.FreeVend, true), Ct);
        }

        foreach (var stationId in new[] { "AMS-ZA-03", "AMS-WP-02" })
        {
            await using var cp = await BootAsync(stationId);
            (await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = NoAuthorization() }))["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");

            var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
            var started = await cp.CallOkAsync("TransactionEvent", Event("tx-free", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: "", tokenType: "NoAuthorization"));
            started["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
            var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-free", "Ended", 1, t0.AddMinutes(15), "EVCommunicationLost", 9_000, "Transaction.End", stoppedReason: "EVDisconnected"));
            ended["totalCost"]!.GetValue<decimal>().ShouldBe(0.00m, $"8 kWh at {stationId} are free vend (I03.FR.04)");

            var session = await EventuallyAsync(() => TransactionsAsync(factory, stationId), t => t.Length == 1 && t[0].GetProperty("cost").ValueKind == System.Text.Json.JsonValueKind.Number);
            session.Single().GetProperty("energyWh").GetInt64().ShouldBe(8_000);
            session.Single().GetProperty("cost").GetDecimal().ShouldBe(0m);
        }
    }

    [Fact]
    public async Task A_station_registered_for_free_vend_accepts_NoAuthorization()
    {
        (await factory.CreateApi().PostAsJsonAsync("/api/stations", new { id = "V201-FREE-API", freeVend = true }, Ct)).EnsureSuccessStatusCode();
        await using var cp = await BootAsync("V201-FREE-API");
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = NoAuthorization() }))["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
    }

    [Fact]
    public async Task The_Ended_answer_tells_the_total_cost_of_a_priced_session()
    {
        await using var cp = await BootAsync("AMS-CS-02");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        await cp.CallOkAsync("TransactionEvent", Event("tx-total", "Started", 0, t0, "Authorized", 10_000, "Transaction.Begin", token: "DEMO-DRIVER-CARD"));
        (await cp.CallOkAsync("TransactionEvent", Event("tx-total", "Updated", 1, t0.AddMinutes(10), "MeterValuePeriodic", 13_000, "Sample.Periodic")))
            .ContainsKey("totalCost").ShouldBeFalse("totalCost only when charging has ended");

        // 7.5 kWh × €0.39 = €2.925 → €2.93, the same figure the bill shows.
        var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-total", "Ended", 2, t0.AddMinutes(20), "StopAuthorized", 17_500, "Transaction.End",
            token: "DEMO-DRIVER-CARD", stoppedReason: "Local"));
        ended["totalCost"]!.GetValue<decimal>().ShouldBe(2.93m);
        var billed = await EventuallyAsync(() => TransactionsAsync(factory, "AMS-CS-02"), t => t.Length == 1 && t[0].GetProperty("cost").ValueKind == System.Text.Json.JsonValueKind.Number);
        billed.Single().GetProperty("cost").GetDecimal().ShouldBe(2.93m);
    }

    private static JsonObject Token(string value) => new() { ["idToken"] = value, ["type"] = "ISO14443" };

    private static JsonObject NoAuthorization() => new() { ["idToken"] = "", ["type"] = "NoAuthorization" };

    private async Task CreateTokenAsync(string idTag, string? parent, string kind = "Rfid") =>
        (await factory.CreateApi().PostAsJsonAsync("/api/tokens", new { idTag, status = "Accepted", parentIdTag = parent, kind }, Ct)).EnsureSuccessStatusCode();

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        _ = factory.BaseUri;
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V201);
        (await cp.CallOkAsync("BootNotification", Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        return cp;
    }

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
