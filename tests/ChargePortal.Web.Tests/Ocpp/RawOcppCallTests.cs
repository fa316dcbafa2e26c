using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary><c>POST /api/stations/{id}/ocpp/{Action}</c> (DESIGN.md "Raw OCPP calls") against stations on real sockets.</summary>
public sealed class RawOcppCallTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly int[] NotAnObject = [1];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetBaseReport_reaches_a_201_station_and_its_answer_comes_back_as_sent()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "RAW-201", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());

        var pending = factory.CreateApi().PostAsJsonAsync("/api/stations/RAW-201/ocpp/GetBaseReport", new { requestId = 1, reportBase = "FullInventory" }, Ct);
        var call = await cp.ExpectCallAsync("GetBaseReport");
        call[3]!["requestId"]!.GetValue<int>().ShouldBe(1);
        call[3]!["reportBase"]!.GetValue<string>().ShouldBe("FullInventory");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted", ["statusInfo"] = new JsonObject { ["reasonCode"] = "ok" } });

        var response = await pending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("action").GetString().ShouldBe("GetBaseReport");
        answer.GetProperty("ocppVersion").GetString().ShouldBe("2.0.1");
        answer.GetProperty("response").GetProperty("status").GetString().ShouldBe("Accepted");
        answer.GetProperty("response").GetProperty("statusInfo").GetProperty("reasonCode").GetString().ShouldBe("ok");

        await using var scope = factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(a => a.StationId == "RAW-201").ToListAsync(Ct);
        audit.ShouldContain(a => a.Action == "ocpp/GetBaseReport" && a.Outcome == "Accepted");
    }

    [Fact]
    public async Task An_action_the_stations_version_lacks_is_400_and_nothing_is_sent()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "RAW-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var api = factory.CreateApi();

        var response = await api.PostAsJsonAsync("/api/stations/RAW-16/ocpp/GetBaseReport", new { requestId = 1, reportBase = "FullInventory" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "OCPP 1.6 has no action 'GetBaseReport'");

        var stationSide = await api.PostAsJsonAsync("/api/stations/RAW-16/ocpp/BootNotification", OcppTestData.Boot16(), Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(stationSide, HttpStatusCode.BadRequest, "sent by charging stations");

        await ExpectNextCallIsClearCacheAsync(cp, api, "RAW-16");
    }

    [Fact]
    public async Task A_payload_breaking_the_schema_is_400_naming_every_violation_and_nothing_is_sent()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "RAW-BAD", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var api = factory.CreateApi();

        var missing = await api.PostAsJsonAsync("/api/stations/RAW-BAD/ocpp/GetBaseReport", new { requestId = 1 }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(missing, HttpStatusCode.BadRequest, "reportBase");
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("path").GetString()).ShouldBe(["$.reportBase"]);

        var several = await api.PostAsJsonAsync("/api/stations/RAW-BAD/ocpp/GetBaseReport", new { requestId = "one", reportBase = "Everything", extra = true }, Ct);
        var paths = (await several.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("violations").EnumerateArray()
            .Select(v => v.GetProperty("path").GetString()).ToList();
        several.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        paths.ShouldBe(["$.requestId", "$.reportBase", "$.extra"], ignoreOrder: true);

        using var notJson = new StringContent("{oops", Encoding.UTF8, "application/json");
        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.PostAsync("/api/stations/RAW-BAD/ocpp/GetBaseReport", notJson, Ct), HttpStatusCode.BadRequest, "not valid JSON");

        var array = await api.PostAsJsonAsync("/api/stations/RAW-BAD/ocpp/GetBaseReport", NotAnObject, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(array, HttpStatusCode.BadRequest, "expected object");

        await ExpectNextCallIsClearCacheAsync(cp, api, "RAW-BAD");
    }

    [Fact]
    public async Task Unknown_offline_silent_and_erring_stations_get_the_command_status_codes()
    {
        var api = factory.CreateApi();
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PostAsJsonAsync("/api/stations/NOPE/ocpp/ClearCache", new { }, Ct), HttpStatusCode.NotFound, "NOPE");
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PostAsJsonAsync("/api/stations/AMS-WP-02/ocpp/ClearCache", new { }, Ct), HttpStatusCode.Conflict, "not connected");

        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "RAW-ERR", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var erring = api.PostAsJsonAsync("/api/stations/RAW-ERR/ocpp/GetLog", new
        {
            logType = "DiagnosticsLog",
            requestId = 4,
            log = new { remoteLocation = "https://example.test/upload" },
        }, Ct);
        await cp.RespondErrorAsync(await cp.ExpectCallAsync("GetLog"), "NotSupported", "no logs here");
        var problem = await erring;
        await ApiAuthenticationTests.ShouldBeProblemAsync(problem, HttpStatusCode.BadGateway, "NotSupported");
        var body = await problem.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("ocppErrorCode").GetString().ShouldBe("NotSupported");
        body.GetProperty("ocppErrorDescription").GetString().ShouldBe("no logs here");
    }

    [Fact]
    public async Task An_empty_body_is_the_empty_payload()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "RAW-EMPTY", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        using var empty = new StringContent("", Encoding.UTF8, "application/json");
        var pending = factory.CreateApi().PostAsync("/api/stations/RAW-EMPTY/ocpp/GetLocalListVersion", empty, Ct);
        var call = await cp.ExpectCallAsync("GetLocalListVersion");
        call[3]!.AsObject().Count.ShouldBe(0);
        await cp.RespondAsync(call, new JsonObject { ["listVersion"] = 5 });
        var answer = await (await pending).Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("response").GetProperty("listVersion").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Drivers_and_site_owners_may_not_send_raw_calls()
    {
        var driverKey = await ApiKeysFor(Data.DemoSeeder.DriverEmail);
        var response = await factory.CreateApi(driverKey).PostAsJsonAsync("/api/stations/AMS-WP-02/ocpp/ClearCache", new { }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ownerKey = await ApiKeysFor(Data.DemoSeeder.OwnerEmail);
        (await factory.CreateApi(ownerKey).PostAsJsonAsync("/api/stations/AMS-WP-02/ocpp/ClearCache", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<string> ApiKeysFor(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return (await factory.Services.GetRequiredService<Accounts.ApiKeys.ApiKeyService>().CreateAsync(userId, "raw test", Ct)).Key;
    }

    // The station saw no call from the refused requests: the next thing it gets is the one sent now.
    private static async Task ExpectNextCallIsClearCacheAsync(RawOcppClient cp, HttpClient api, string stationId)
    {
        var ok = api.PostAsJsonAsync($"/api/stations/{stationId}/ocpp/ClearCache", new { }, Ct);
        var call = await cp.ExpectCallAsync("ClearCache");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        (await ok).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
