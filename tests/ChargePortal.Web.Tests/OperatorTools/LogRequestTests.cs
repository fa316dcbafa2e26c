using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.OperatorTools;

/// <summary>
/// Log uploads (N01, Security Whitepaper GetLog): the log type asked for reaches the station, and the statuses it reports
/// (LogStatusNotification by requestId, 1.6 DiagnosticsStatusNotification) build each request's timeline in
/// <c>GET /api/stations/{id}/logs</c>.
/// </summary>
public sealed class LogRequestTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_security_log_from_a_201_station_is_requested_uploaded_and_its_status_timeline_listed()
    {
        const string id = "LOG-201";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var api = factory.CreateApi();

        var requesting = api.PostAsJsonAsync($"/api/stations/{id}/commands/get-diagnostics", new { logType = "SecurityLog" }, Ct);
        var call = await cp.ExpectCallAsync("GetLog");
        call[3]!["logType"]!.GetValue<string>().ShouldBe("SecurityLog");
        var requestId = call[3]!["requestId"]!.GetValue<int>();
        var location = call[3]!["log"]!["remoteLocation"]!.GetValue<string>();
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted", ["filename"] = "security.log" });
        (await requesting).StatusCode.ShouldBe(HttpStatusCode.OK);

        await cp.CallOkAsync("LogStatusNotification", new JsonObject { ["status"] = "Uploading", ["requestId"] = requestId });
        await UploadAsync(location, "security.log");
        await cp.CallOkAsync("LogStatusNotification", new JsonObject { ["status"] = "Uploaded", ["requestId"] = requestId });
        // A status for a request this CSMS never made joins no timeline.
        await cp.CallOkAsync("LogStatusNotification", new JsonObject { ["status"] = "UploadFailure", ["requestId"] = requestId + 1 });

        var log = (await EventuallyAsync(id, logs => logs.Count == 1 && logs[0].GetProperty("statuses").GetArrayLength() == 2)).ShouldHaveSingleItem();
        log.GetProperty("logType").GetString().ShouldBe("SecurityLog");
        log.GetProperty("requestId").GetInt32().ShouldBe(requestId);
        log.GetProperty("status").GetString().ShouldBe("Uploaded");
        log.GetProperty("fileName").GetString().ShouldBe("security.log");
        log.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ShouldBe(["Uploading", "Uploaded"]);
    }

    [Fact]
    public async Task A_16_station_gets_GetLog_for_its_security_log_and_GetDiagnostics_for_diagnostics_each_with_its_own_timeline()
    {
        const string id = "LOG-16";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var api = factory.CreateApi();

        var security = api.PostAsJsonAsync($"/api/stations/{id}/commands/get-diagnostics", new { logType = "SecurityLog" }, Ct);
        var getLog = await cp.ExpectCallAsync("GetLog");
        getLog[3]!["logType"]!.GetValue<string>().ShouldBe("SecurityLog");
        var requestId = getLog[3]!["requestId"]!.GetValue<int>();
        await cp.RespondAsync(getLog, new JsonObject { ["status"] = "Accepted", ["filename"] = "sec.log" });
        (await security).StatusCode.ShouldBe(HttpStatusCode.OK);

        var diagnostics = api.PostAsJsonAsync($"/api/stations/{id}/commands/get-diagnostics", new { }, Ct);
        var getDiagnostics = await cp.ExpectCallAsync("GetDiagnostics");
        await cp.RespondAsync(getDiagnostics, new JsonObject { ["fileName"] = "diag.zip" });
        (await diagnostics).StatusCode.ShouldBe(HttpStatusCode.OK);

        await cp.CallOkAsync("LogStatusNotification", new JsonObject { ["status"] = "Uploading", ["requestId"] = requestId });
        await cp.CallOkAsync("DiagnosticsStatusNotification", new JsonObject { ["status"] = "Uploading" });
        await cp.CallOkAsync("DiagnosticsStatusNotification", new JsonObject { ["status"] = "UploadFailed" });

        var logs = await EventuallyAsync(id, l => l.Count == 2 && l.Sum(x => x.GetProperty("statuses").GetArrayLength()) == 3);
        var securityLog = logs.Single(l => l.GetProperty("logType").GetString() == "SecurityLog");
        securityLog.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ShouldBe(["Uploading"]);
        var diagnosticsLog = logs.Single(l => l.GetProperty("logType").GetString() == "DiagnosticsLog");
        // 1.6 GetDiagnostics names no request.
        (!diagnosticsLog.TryGetProperty("requestId", out var none) || none.ValueKind == JsonValueKind.Null).ShouldBeTrue();
        diagnosticsLog.GetProperty("status").GetString().ShouldBe("UploadFailed");
        diagnosticsLog.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("status").GetString()).ShouldBe(["Uploading", "UploadFailed"]);
    }

    [Fact]
    public async Task An_unknown_log_type_an_unknown_station_and_a_drivers_key_are_refused_and_nothing_is_sent()
    {
        const string id = "LOG-BAD";
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var api = factory.CreateApi();

        var badType = await api.PostAsJsonAsync($"/api/stations/{id}/commands/get-diagnostics", new { logType = "AuditLog" }, Ct);
        badType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badType.Content.ReadAsStringAsync(Ct)).ShouldContain("logType");
        (await api.GetAsync("/api/stations/NO-SUCH-STATION/logs", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await factory.CreateApi(await ApiKeyForAsync(DemoSeeder.DriverEmail)).GetAsync($"/api/stations/{id}/logs", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Nothing was sent and nothing recorded: the next call the station sees is the one made now.
        (await api.GetFromJsonAsync<JsonElement[]>($"/api/stations/{id}/logs", Ct))!.ShouldBeEmpty();
        var ok = api.PostAsJsonAsync($"/api/stations/{id}/commands/get-diagnostics", new { logType = "DiagnosticsLog" }, Ct);
        var call = await cp.ExpectCallAsync("GetLog");
        call[3]!["logType"]!.GetValue<string>().ShouldBe("DiagnosticsLog");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Rejected" });
        (await ok).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task UploadAsync(string location, string fileName)
    {
        using var client = new HttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("2026-12-07 08:00 tamper switch closed\n"));
        (await client.PutAsync($"{location}/{fileName}", content, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Statuses are recorded from the event stream, a moment after the station's call was answered.</summary>
    private async Task<IReadOnlyList<JsonElement>> EventuallyAsync(string stationId, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var api = factory.CreateApi();
        IReadOnlyList<JsonElement> logs = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            logs = (await api.GetFromJsonAsync<JsonElement[]>($"/api/stations/{stationId}/logs", Ct))!;
            if (done(logs))
            {
                return logs;
            }

            await Task.Delay(100, Ct);
        }

        return logs;
    }

    private async Task<string> ApiKeyForAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (await factory.Services.GetRequiredService<Web.Accounts.ApiKeys.ApiKeyService>().CreateAsync(userId, "logs test", Ct)).Key;
    }
}
