using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Ocpp;

public sealed class CommandApiTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly string[] HeartbeatKey = ["HeartbeatInterval"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_station_is_404()
    {
        var response = await factory.CreateApi().PostAsJsonAsync("/api/stations/NOPE/commands/reset", new { type = "Soft" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "NOPE");
    }

    [Fact]
    public async Task Registered_but_offline_station_is_409()
    {
        var response = await factory.CreateApi().PostAsJsonAsync("/api/stations/AMS-WP-02/commands/reset", new { type = "Soft" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.Conflict, "not connected");
    }

    [Fact]
    public async Task Unknown_command_is_404_naming_the_commands()
    {
        var response = await factory.CreateApi().PostAsJsonAsync("/api/stations/AMS-WP-02/commands/self-destruct", new { }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "remote-start");
    }

    [Fact]
    public async Task Bad_arguments_are_400_and_nothing_is_sent()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "CMD-BAD", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var api = factory.CreateApi();

        var badType = await api.PostAsJsonAsync("/api/stations/CMD-BAD/commands/reset", new { type = "Medium" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(badType, HttpStatusCode.BadRequest, "type");

        using var notJson = new StringContent("{oops", Encoding.UTF8, "application/json");
        var broken = await api.PostAsync("/api/stations/CMD-BAD/commands/reset", notJson, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(broken, HttpStatusCode.BadRequest, "not valid JSON");

        // The station saw no call: the next thing it gets is the one we send now.
        var ok = api.PostAsJsonAsync("/api/stations/CMD-BAD/commands/clear-cache", new { }, Ct);
        var call = await cp.ExpectCallAsync("ClearCache");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        (await ok).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Station_that_never_answers_is_504()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "CMD-SILENT", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var response = await factory.CreateApi().PostAsJsonAsync("/api/stations/CMD-SILENT/commands/reset", new { type = "Hard" }, Ct);
        (await cp.ExpectCallAsync("Reset"))[3]!["type"]!.GetValue<string>().ShouldBe("Immediate");
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.GatewayTimeout, "did not answer");
    }

    [Fact]
    public async Task Station_callerror_is_502_naming_the_ocpp_code()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "CMD-ERR", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var pending = factory.CreateApi().PostAsJsonAsync("/api/stations/CMD-ERR/commands/unlock", new { connectorId = 1 }, Ct);
        await cp.RespondErrorAsync(await cp.ExpectCallAsync("UnlockConnector"), "NotSupported", "no motor");
        var response = await pending;
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "NotSupported");
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ocppErrorCode").GetString().ShouldBe("NotSupported");
    }

    [Fact]
    public async Task Get_configuration_returns_the_neutral_list_and_is_audited()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "CMD-CFG", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var pending = factory.CreateApi().PostAsJsonAsync("/api/stations/CMD-CFG/commands/get-configuration", new { keys = HeartbeatKey }, Ct);
        var call = await cp.ExpectCallAsync("GetConfiguration");
        await cp.RespondAsync(call, new JsonObject
        {
            ["configurationKey"] = new JsonArray(new JsonObject { ["key"] = "HeartbeatInterval", ["readonly"] = false, ["value"] = "300" }),
        });
        var answer = await (await pending).Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        answer.GetProperty("configuration")[0].GetProperty("value").GetString().ShouldBe("300");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var audit = db.AuditEntries.Where(a => a.StationId == "CMD-CFG").ToList();
        audit.ShouldContain(a => a.Action == "get-configuration" && a.Outcome == "Accepted" && a.Actor == "operator@chargeportal.local");
    }

    [Fact]
    public async Task Site_owner_key_cannot_send_commands()
    {
        var owner = await CreateKeyAsync("owner@chargeportal.local");
        var response = await factory.CreateApi(owner).PostAsJsonAsync("/api/stations/AMS-CS-01/commands/reset", new { type = "Soft" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<string> CreateKeyAsync(string email)
    {
        _ = factory.BaseUri;
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Accounts.ApplicationUser>>().FindByEmailAsync(email);
        return (await factory.Services.GetRequiredService<Accounts.ApiKeys.ApiKeyService>().CreateAsync(user!.Id, "k", Ct)).Key;
    }
}
