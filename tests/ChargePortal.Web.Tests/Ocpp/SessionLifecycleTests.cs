using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Ocpp;

public sealed class SessionLifecycleTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ocpp16_full_session_with_remote_stop_and_replayed_messages()
    {
        const string id = "LIFE-16";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V16);
        var boot = await cp.CallOkAsync("BootNotification", Boot16());
        boot["status"]!.GetValue<string>().ShouldBe("Accepted");
        boot["interval"]!.GetValue<decimal>().ShouldBeGreaterThan(0);
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Available" });

        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = "DEMO-DRIVER-CARD" }))["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = "NOT-A-CARD" }))["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = "DEMO-BLOCKED" }))["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Blocked");
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = "DEMO-EXPIRED" }))["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Expired");

        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        var start = new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = 10_000, ["timestamp"] = Iso(t0) };
        var started = await cp.CallOkAsync("StartTransaction", start);
        started["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        var txId = started["transactionId"]!.GetValue<int>();

        // The same StartTransaction again (a reconnect replay) gets the same transaction.
        (await cp.CallOkAsync("StartTransaction", start))["transactionId"]!.GetValue<int>().ShouldBe(txId);

        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Charging" });
        for (var i = 1; i <= 3; i++)
        {
            await cp.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = txId, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(5 * i), 10_000 + (i * 1_500))) });
        }

        // The samples themselves are stored (written in batches with one prepared statement), exactly as sent.
        var stored = await EventuallyAsync(() => MeterRowsAsync(id), rows => rows.Count == 3);
        stored.Select(m => (m.Timestamp, m.Value, m.Measurand, m.Unit, m.EvseId, Linked: m.TransactionId is not null)).ShouldBe(
            Enumerable.Range(1, 3).Select(i => (DateTimeOffset.Parse(Iso(t0.AddMinutes(5 * i)), System.Globalization.CultureInfo.InvariantCulture), 10_000m + (i * 1_500), "Energy.Active.Import.Register", (string?)"Wh", 1, true)));

        var live = await EventuallyAsync(() => TransactionsAsync(factory, id), t => t.Length == 1 && t[0].GetProperty("energyWh").GetInt64() == 4_500);
        live.Length.ShouldBe(1);
        live[0].GetProperty("status").GetString().ShouldBe("Active");
        live[0].GetProperty("energyWh").GetInt64().ShouldBe(4_500);
        live[0].GetProperty("transactionId").GetString().ShouldBe(txId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Remote stop through the HTTP API: the station receives RemoteStopTransaction and the API returns its answer.
        var stopCall = factory.CreateApi().PostAsJsonAsync($"/api/stations/{id}/commands/remote-stop", new { transactionId = txId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Ct);
        var remoteStop = await cp.ExpectCallAsync("RemoteStopTransaction");
        remoteStop[3]!["transactionId"]!.GetValue<int>().ShouldBe(txId);
        await cp.RespondAsync(remoteStop, new JsonObject { ["status"] = "Accepted" });
        var apiAnswer = await (await stopCall).Content.ReadFromJsonAsync<JsonElement>(Ct);
        apiAnswer.GetProperty("status").GetString().ShouldBe("Accepted");

        var stop = new JsonObject { ["transactionId"] = txId, ["meterStop"] = 16_000, ["timestamp"] = Iso(t0.AddMinutes(20)), ["reason"] = "Remote", ["idTag"] = "DEMO-DRIVER-CARD" };
        await cp.CallOkAsync("StopTransaction", stop);
        await cp.CallOkAsync("StopTransaction", stop); // replayed after a reconnect

        var done = await EventuallyAsync(() => TransactionsAsync(factory, id), t => t.Length == 1 && t[0].GetProperty("status").GetString() == "Completed");
        done.Length.ShouldBe(1);
        done[0].GetProperty("energyWh").GetInt64().ShouldBe(6_000);
        done[0].GetProperty("stopReason").GetString().ShouldBe("Remote");

        // A late meter value from the offline period lands in the session without changing the final energy.
        await cp.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(17), 15_500)) });
        (await TransactionsAsync(factory, id))[0].GetProperty("energyWh").GetInt64().ShouldBe(6_000);
    }

    [Fact]
    public async Task Ocpp16_start_with_unknown_token_is_refused_but_recorded()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "LIFE-16-BAD", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var started = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "STOLEN-CARD", ["meterStart"] = 0, ["timestamp"] = Iso(DateTimeOffset.UtcNow) });
        started["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");
        started["transactionId"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Ocpp201_transaction_events_are_idempotent_by_seqno()
    {
        const string id = "LIFE-201";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V201);
        (await cp.CallOkAsync("BootNotification", Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["timestamp"] = Iso(t0), ["connectorStatus"] = "Occupied", ["evseId"] = 1, ["connectorId"] = 1 });

        JsonObject Event(string type, int seq, DateTimeOffset at, long wh, string context, string trigger) =>
            TransactionEvent201("tx-201-a", "EVDisconnected", type, seq, at, wh, context, trigger);

        var started = await cp.CallOkAsync("TransactionEvent", Event("Started", 0, t0, 1_000, "Transaction.Begin", "Authorized"));
        started["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        await cp.CallOkAsync("TransactionEvent", Event("Updated", 1, t0.AddMinutes(5), 2_500, "Sample.Periodic", "MeterValuePeriodic"));
        await cp.CallOkAsync("TransactionEvent", Event("Started", 0, t0, 1_000, "Transaction.Begin", "Authorized")); // replay
        await cp.CallOkAsync("TransactionEvent", Event("Updated", 1, t0.AddMinutes(5), 2_500, "Sample.Periodic", "MeterValuePeriodic")); // replay

        var live = await EventuallyAsync(() => TransactionsAsync(factory, id), t => t.Length == 1 && t[0].GetProperty("energyWh").GetInt64() == 1_500);
        live.Length.ShouldBe(1);
        live[0].GetProperty("energyWh").GetInt64().ShouldBe(1_500);

        await cp.CallOkAsync("TransactionEvent", Event("Ended", 2, t0.AddMinutes(10), 4_000, "Transaction.End", "EVCommunicationLost"));
        await cp.CallOkAsync("TransactionEvent", Event("Ended", 2, t0.AddMinutes(10), 4_000, "Transaction.End", "EVCommunicationLost")); // replay
        var done = await EventuallyAsync(() => TransactionsAsync(factory, id), t => t[0].GetProperty("status").GetString() == "Completed");
        done.Length.ShouldBe(1);
        done[0].GetProperty("energyWh").GetInt64().ShouldBe(3_000);
        done[0].GetProperty("transactionId").GetString().ShouldBe("tx-201-a");
        done[0].GetProperty("stopReason").GetString().ShouldBe("EVDisconnected");
    }

    [Fact]
    public async Task Ocpp201_remote_start_reaches_the_station_as_RequestStartTransaction()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "REMOTE-201", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var apiCall = factory.CreateApi().PostAsJsonAsync("/api/stations/REMOTE-201/commands/remote-start", new { idTag = "DEMO-DRIVER-CARD", connectorId = 1 }, Ct);
        var call = await cp.ExpectCallAsync("RequestStartTransaction");
        call[3]!["idToken"]!["idToken"]!.GetValue<string>().ShouldBe("DEMO-DRIVER-CARD");
        call[3]!["evseId"]!.GetValue<int>().ShouldBe(1);
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var response = await apiCall;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("Accepted");
    }

    [Fact]
    public async Task Status_notifications_update_connectors_and_faults()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-ZA-01", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 2, ["errorCode"] = "GroundFailure", ["status"] = "Faulted" });
        var station = await factory.CreateApi().GetFromJsonAsync<JsonElement>("/api/stations/AMS-ZA-01", Ct);
        var connector = station.GetProperty("station").GetProperty("connectors").EnumerateArray().Single(c => c.GetProperty("connectorId").GetInt32() == 2);
        connector.GetProperty("status").GetString().ShouldBe("Faulted");
        connector.GetProperty("errorCode").GetString().ShouldBe("GroundFailure");
    }

    private async Task<List<ChargePortal.Web.Transactions.MeterValue>> MeterRowsAsync(string stationId)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<ChargePortal.Web.Data.AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(Ct);
        var rows = await db.MeterValues.AsNoTracking().Where(m => m.StationId == stationId).ToListAsync(Ct);
        return [.. rows.OrderBy(m => m.Timestamp)];
    }
}
