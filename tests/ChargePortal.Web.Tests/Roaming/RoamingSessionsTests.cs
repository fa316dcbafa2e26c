using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Roaming.RoamingApi;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>Commands, sessions and CDRs: a partner starts a session remotely, is told the result, gets the session and the priced CDR.</summary>
public sealed class RoamingSessionsTests(RoamingPortalFactory factory) : IClassFixture<RoamingPortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> SiteOfAsync(string stationId)
    {
        await using var db = await DbAsync();
        return (await db.Stations.SingleAsync(s => s.Id == stationId, Ct)).SiteId!.Value;
    }

    [Fact]
    public async Task Start_session_remote_starts_the_16_station_posts_the_result_pushes_the_session_and_a_priced_cdr()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ESA");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        var siteId = await SiteOfAsync("AMS-CS-03");
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-03", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Available" });

        var responseUrl = emsp.ModuleUrl("commands") + "/START_SESSION/42";
        var answer = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/START_SESSION", new JsonObject
        {
            ["response_url"] = responseUrl,
            ["token"] = RoamingTokensTests.Token("ESA", "APP-USER-1", whitelist: "NEVER"),
            ["location_id"] = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["evse_uid"] = "AMS-CS-03*1",
            ["authorization_reference"] = "ref-42",
        });
        answer["data"]!["result"]!.ToString().ShouldBe("ACCEPTED", answer.ToJsonString());
        answer["data"]!["timeout"]!.GetValue<int>().ShouldBeGreaterThan(0);

        // The station is asked, answers, and only then the result goes to the response_url.
        var remoteStart = await cp.ExpectCallAsync("RemoteStartTransaction");
        remoteStart[3]!["idTag"]!.ToString().ShouldBe("APP-USER-1");
        remoteStart[3]!["connectorId"]!.GetValue<int>().ShouldBe(1);
        await cp.RespondAsync(remoteStart, new JsonObject { ["status"] = "Accepted" });
        var result = await emsp.WaitForAsync(r => r.Method == "POST" && r.Path == "/ocpi/emsp/2.2.1/commands/START_SESSION/42");
        result.Body!["result"]!.ToString().ShouldBe("ACCEPTED");

        // The station starts: its authorization of the command's token is accepted, and the session is pushed.
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-90);
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = "APP-USER-1" }))["idTagInfo"]!["status"]!.ToString().ShouldBe("Accepted");
        var started = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "APP-USER-1", ["meterStart"] = 1_000, ["timestamp"] = Iso(t0) });
        started["idTagInfo"]!["status"]!.ToString().ShouldBe("Accepted");
        var transactionId = started["transactionId"]!.GetValue<int>();
        var put = await emsp.WaitForAsync(r => r.Method == "PUT" && r.Path.StartsWith("/ocpi/emsp/2.2.1/sessions/NL/CPO/", StringComparison.Ordinal));
        var sessionId = put.Body!["id"]!.ToString();
        put.Body["status"]!.ToString().ShouldBe("ACTIVE");
        put.Body["auth_method"]!.ToString().ShouldBe("COMMAND");
        put.Body["authorization_reference"]!.ToString().ShouldBe("ref-42");
        put.Body["cdr_token"]!["uid"]!.ToString().ShouldBe("APP-USER-1");
        put.Body["location_id"]!.ToString().ShouldBe(siteId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        put.Body["evse_uid"]!.ToString().ShouldBe("AMS-CS-03*1");

        await cp.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = transactionId, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(30), 6_000)) });
        var update = await emsp.WaitForAsync(r => r.Method == "PATCH" && r.Path.EndsWith(sessionId, StringComparison.Ordinal) && r.Body?["kwh"] is not null && r.Body["status"]?.ToString() == "ACTIVE");
        update.Body!["kwh"]!.GetValue<decimal>().ShouldBe(5m);

        // 10 kWh in an hour at €0.39/kWh (time is priced only after 120 minutes): €3.90 including 21 % VAT.
        await cp.CallOkAsync("StopTransaction", new JsonObject { ["transactionId"] = transactionId, ["meterStop"] = 11_000, ["timestamp"] = Iso(t0.AddMinutes(60)), ["reason"] = "Remote" });
        var completed = await emsp.WaitForAsync(r => r.Method == "PATCH" && r.Path.EndsWith(sessionId, StringComparison.Ordinal) && r.Body?["status"]?.ToString() == "COMPLETED");
        completed.Body!["kwh"]!.GetValue<decimal>().ShouldBe(10m);
        completed.Body["total_cost"]!["incl_vat"]!.GetValue<decimal>().ShouldBe(3.90m);
        var cdr = (await emsp.WaitForAsync(r => r.Method == "POST" && r.Path == "/ocpi/emsp/2.2.1/cdrs")).Body!;
        cdr["session_id"]!.ToString().ShouldBe(sessionId);
        cdr["total_energy"]!.GetValue<decimal>().ShouldBe(10m);
        cdr["total_cost"]!["incl_vat"]!.GetValue<decimal>().ShouldBe(3.90m);
        cdr["total_cost"]!["excl_vat"]!.GetValue<decimal>().ShouldBe(3.22m);
        cdr["total_energy_cost"]!["incl_vat"]!.GetValue<decimal>().ShouldBe(3.90m);
        cdr["total_time"]!.GetValue<decimal>().ShouldBe(1m);
        cdr["currency"]!.ToString().ShouldBe("EUR");
        cdr["auth_method"]!.ToString().ShouldBe("COMMAND");
        cdr["cdr_location"]!["evse_uid"]!.ToString().ShouldBe("AMS-CS-03*1");
        cdr["cdr_location"]!["evse_id"]!.ToString().ShouldBe("NL*CPO*EAMSCS03*1");
        cdr["tariffs"]![0]!["elements"].ShouldNotBeNull();
        cdr["charging_periods"]![0]!["dimensions"]!.AsArray().ShouldContain(d => d!["type"]!.ToString() == "ENERGY" && d["volume"]!.GetValue<decimal>() == 10m);

        // In order: the session PUT, its updates, then the CDR.
        var order = emsp.Received.Where(r => !r.WhileDown && (r.Path.Contains("/sessions/", StringComparison.Ordinal) || r.Path.EndsWith("/cdrs", StringComparison.Ordinal))).Select(r => r.Method).ToList();
        order[0].ShouldBe("PUT");
        order[^1].ShouldBe("POST");

        // Listable by the partner, paged.
        using var sessions = await client.GetAsync("/ocpi/2.2.1/sessions?limit=10", Ct);
        sessions.Headers.GetValues("X-Total-Count").Single().ShouldBe("1");
        var listed = (await sessions.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]![0]!;
        listed["id"]!.ToString().ShouldBe(sessionId);
        listed["status"]!.ToString().ShouldBe("COMPLETED");
        var cdrs = await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/cdrs?date_from=2020-01-01T00:00:00Z");
        cdrs["data"]![0]!["id"]!.ToString().ShouldBe(cdr["id"]!.ToString());
        ((int)(await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/cdrs?date_to=2020-01-01T00:00:00Z"))["data"]!.AsArray().Count).ShouldBe(0);

        // Billed to the partner through the CDR, never to a card.
        await using var db = await DbAsync();
        var transaction = await db.Transactions.SingleAsync(t => t.StationId == "AMS-CS-03" && t.IdTag == "APP-USER-1", Ct);
        (await db.Payments.AnyAsync(p => p.TransactionId == transaction.Id, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Stop_session_remote_stops_a_201_session_and_unknown_sessions_and_bad_commands_are_refused()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ESB");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        var siteId = (await SiteOfAsync("AMS-ZA-01")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-ZA-01", V201);
        await cp.CallOkAsync("BootNotification", Boot201());

        var start = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/START_SESSION", new JsonObject
        {
            ["response_url"] = emsp.ModuleUrl("commands") + "/START_SESSION/7",
            ["token"] = RoamingTokensTests.Token("ESB", "APP-USER-7"),
            ["location_id"] = siteId,
            ["evse_uid"] = "AMS-ZA-01*2",
        });
        start["data"]!["result"]!.ToString().ShouldBe("ACCEPTED");
        var request = await cp.ExpectCallAsync("RequestStartTransaction");
        request[3]!["evseId"]!.GetValue<int>().ShouldBe(2);
        request[3]!["idToken"]!["idToken"]!.ToString().ShouldBe("APP-USER-7");
        await cp.RespondAsync(request, new JsonObject { ["status"] = "Accepted" });
        (await emsp.WaitForAsync(r => r.Path.EndsWith("/START_SESSION/7", StringComparison.Ordinal))).Body!["result"]!.ToString().ShouldBe("ACCEPTED");

        var t0 = DateTimeOffset.UtcNow;
        var startedEvent = TransactionEvent201("tx-roam-7", "Remote", "Started", 0, t0, 500, "Transaction.Begin", "RemoteStart");
        startedEvent["evse"] = new JsonObject { ["id"] = 2, ["connectorId"] = 1 };
        startedEvent["idToken"] = new JsonObject { ["idToken"] = "APP-USER-7", ["type"] = "Central" };
        (await cp.CallOkAsync("TransactionEvent", startedEvent))["idTokenInfo"]!["status"]!.ToString().ShouldBe("Accepted");
        var put = await emsp.WaitForAsync(r => r.Method == "PUT" && r.Path.Contains("/sessions/", StringComparison.Ordinal));
        var sessionId = put.Body!["id"]!.ToString();
        put.Body["evse_uid"]!.ToString().ShouldBe("AMS-ZA-01*2");

        var stop = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/STOP_SESSION", new { response_url = emsp.ModuleUrl("commands") + "/STOP_SESSION/8", session_id = sessionId });
        stop["data"]!["result"]!.ToString().ShouldBe("ACCEPTED");
        var stopRequest = await cp.ExpectCallAsync("RequestStopTransaction");
        stopRequest[3]!["transactionId"]!.ToString().ShouldBe("tx-roam-7");
        await cp.RespondAsync(stopRequest, new JsonObject { ["status"] = "Rejected" });
        (await emsp.WaitForAsync(r => r.Path.EndsWith("/STOP_SESSION/8", StringComparison.Ordinal))).Body!["result"]!.ToString().ShouldBe("REJECTED");

        var unknown = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/STOP_SESSION", new { response_url = emsp.ModuleUrl("commands") + "/x", session_id = "nope" });
        unknown["data"]!["result"]!.ToString().ShouldBe("UNKNOWN_SESSION");
        var elsewhere = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/STOP_SESSION", new { response_url = "http://169.254.169.254/latest", session_id = sessionId });
        ((int)elsewhere["status_code"]!).ShouldBe(2001);
        var noUrl = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/START_SESSION", new { location_id = siteId });
        ((int)noUrl["status_code"]!).ShouldBe(2001);
        var unknownCommand = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/SELF_DESTRUCT", new { response_url = emsp.ModuleUrl("commands") });
        unknownCommand["data"]!["result"]!.ToString().ShouldBe("NOT_SUPPORTED");
        var unlock = await OcpiAsync(client, HttpMethod.Post, "/ocpi/2.2.1/commands/UNLOCK_CONNECTOR", new
        {
            response_url = emsp.ModuleUrl("commands") + "/UNLOCK/9",
            location_id = siteId,
            evse_uid = "AMS-ZA-01*1",
            connector_id = "1",
        });
        unlock["data"]!["result"]!.ToString().ShouldBe("ACCEPTED");
        var unlockCall = await cp.ExpectCallAsync("UnlockConnector");
        unlockCall[3]!["evseId"]!.GetValue<int>().ShouldBe(1);
        await cp.RespondAsync(unlockCall, new JsonObject { ["status"] = "Unlocked" });
        (await emsp.WaitForAsync(r => r.Path.EndsWith("/UNLOCK/9", StringComparison.Ordinal))).Body!["result"]!.ToString().ShouldBe("ACCEPTED");
    }
}
