using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Live;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Tariffs;

/// <summary>
/// The running cost reaches 2.0.1 stations as CostUpdated (total including VAT, the session's transaction id) each
/// time it changes; 1.6 has no such message and gets nothing. Demo tariff: €0.39/kWh, time fee only after 2 h.
/// </summary>
public sealed class CostUpdatedTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SessionPricingService Pricing => factory.Services.GetRequiredService<SessionPricingService>();

    [Fact]
    public async Task A_201_station_in_a_priced_session_is_told_the_running_cost_each_time_it_changes()
    {
        const string stationId = "AMS-ZA-01";
        const string transactionId = "tx-cost-201";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);

        var started = await cp.CallOkAsync("TransactionEvent", Event("Started", 0, t0, 1_000, "Transaction.Begin", "Authorized"));
        started["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        await cp.CallOkAsync("TransactionEvent", Event("Updated", 1, t0.AddMinutes(5), 2_500, "Sample.Periodic", "MeterValuePeriodic"));

        // 1.5 kWh × €0.39 = €0.585 → €0.59 (rounded once, half away from zero).
        var first = await cp.ExpectCallAsync("CostUpdated");
        first[3]!["transactionId"]!.GetValue<string>().ShouldBe(transactionId);
        first[3]!["totalCost"]!.GetValue<decimal>().ShouldBe(0.59m);
        await cp.RespondAsync(first, new JsonObject());

        // The same figure again is not resent: pricing this update once more sends nothing...
        await Pricing.HandleAsync(new TransactionUpdated(stationId, DateTimeOffset.UtcNow, transactionId, 1_500), Ct);

        // ...so the next CALL is the risen cost: 3 kWh → €1.17.
        await cp.CallOkAsync("TransactionEvent", Event("Updated", 2, t0.AddMinutes(8), 4_000, "Sample.Periodic", "MeterValuePeriodic"));
        var second = await cp.ExpectCallAsync("CostUpdated");
        second[3]!["transactionId"]!.GetValue<string>().ShouldBe(transactionId);
        second[3]!["totalCost"]!.GetValue<decimal>().ShouldBe(1.17m);
        await cp.RespondAsync(second, new JsonObject());

        // A station that does not implement CostUpdated changes nothing: the session goes on and ends normally.
        await cp.CallOkAsync("TransactionEvent", Event("Updated", 3, t0.AddMinutes(9), 5_000, "Sample.Periodic", "MeterValuePeriodic"));
        var third = await cp.ExpectCallAsync("CostUpdated");
        third[3]!["totalCost"]!.GetValue<decimal>().ShouldBe(1.56m);
        await cp.RespondErrorAsync(third, "NotImplemented", "no display");
        await cp.CallOkAsync("TransactionEvent", Event("Ended", 4, t0.AddMinutes(10), 5_000, "Transaction.End", "StopAuthorized"));
        var done = await EventuallyAsync(() => TransactionsAsync(factory, stationId), t => t.Length == 1 && t[0].GetProperty("cost").ValueKind == System.Text.Json.JsonValueKind.Number);
        done.ShouldHaveSingleItem().GetProperty("cost").GetDecimal().ShouldBe(1.56m, "the bill equals the last running cost the station showed");

        JsonObject Event(string type, int seq, DateTimeOffset at, long wh, string context, string trigger) =>
            TransactionEvent201(transactionId, "Local", type, seq, at, wh, context, trigger);
    }

    [Fact]
    public async Task A_16_station_in_a_priced_session_gets_no_CostUpdated()
    {
        const string stationId = "AMS-ZA-02";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        var started = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = 1_000, ["timestamp"] = Iso(t0) });
        var txId = started["transactionId"]!.GetValue<int>();
        await cp.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = txId, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(5), 2_500)) });
        var live = await EventuallyAsync(() => TransactionsAsync(factory, stationId), t => t.Length == 1 && t[0].GetProperty("energyWh").GetInt64() == 1_500);
        live.ShouldHaveSingleItem().GetProperty("energyWh").GetInt64().ShouldBe(1_500);

        // Price this very update here (the background service does the same): it must send nothing to a 1.6 station...
        await Pricing.HandleAsync(new TransactionUpdated(stationId, DateTimeOffset.UtcNow, txId.ToString(System.Globalization.CultureInfo.InvariantCulture), 1_500), Ct);

        // ...so the next CALL the station receives is the command sent now.
        var sending = factory.CreateApi().PostAsJsonAsync($"/api/stations/{stationId}/commands/clear-cache", new { }, Ct);
        var next = await cp.ExpectCallAsync("ClearCache");
        await cp.RespondAsync(next, new JsonObject { ["status"] = "Accepted" });
        (await sending).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
