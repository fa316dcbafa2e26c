using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Provisioning;

/// <summary>Stations that register themselves stay Pending until an operator accepts them (Ocpp:UnknownStationRegistration=Pending).</summary>
public sealed class PendingUnknownStationsFactory : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpp:CallTimeoutSeconds"] = "10",
        ["Ocpp:UnknownStationRegistration"] = "Pending",
        ["Ocpp:PendingRetrySeconds"] = "45",
    };
}

/// <summary>Registration status (B02 Pending, B03 Rejected) set by policy and by the operator with PATCH /api/stations/{id}.</summary>
public sealed class RegistrationTests(PendingUnknownStationsFactory factory) : IClassFixture<PendingUnknownStationsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pending_stations_Authorize_is_a_SecurityError_until_the_operator_accepts_it_then_it_is_served()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "PROV-201", OcppTestData.V201);
        var boot = await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        boot["status"]!.GetValue<string>().ShouldBe("Pending");
        boot["interval"]!.GetValue<int>().ShouldBe(45);

        var authorize = new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = "04E91C5A123456", ["type"] = "ISO14443" } };
        var refused = await cp.CallAsync("Authorize", authorize);
        ((int)refused[0]!).ShouldBe(4);
        refused[2]!.GetValue<string>().ShouldBe("SecurityError");
        refused[3]!.GetValue<string>().ShouldContain("Pending");
        (await cp.CallAsync("Heartbeat", new JsonObject()))[2]!.GetValue<string>().ShouldBe("SecurityError");

        // The CSMS may configure it: a report is asked for and its parts are served.
        var api = factory.CreateApi();
        var report = api.PostAsJsonAsync("/api/stations/PROV-201/ocpp/GetBaseReport", new { requestId = 3, reportBase = "ConfigurationInventory" }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("GetBaseReport"), new JsonObject { ["status"] = "Accepted" });
        (await report).StatusCode.ShouldBe(HttpStatusCode.OK);
        var part = new JsonObject { ["requestId"] = 3, ["generatedAt"] = "2026-12-07T10:00:00Z", ["seqNo"] = 0 };
        (await cp.CallAsync("NotifyReport", part))[0]!.GetValue<int>().ShouldBe(3);

        // A message the CSMS triggered is served; others stay refused.
        var trigger = api.PostAsJsonAsync("/api/stations/PROV-201/commands/trigger-message", new { message = "StatusNotification", connectorId = 1 }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("TriggerMessage"), new JsonObject { ["status"] = "Accepted" });
        (await trigger).StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = new JsonObject { ["timestamp"] = "2026-12-07T10:00:00Z", ["connectorStatus"] = "Available", ["evseId"] = 1, ["connectorId"] = 1 };
        (await cp.CallAsync("StatusNotification", status))[0]!.GetValue<int>().ShouldBe(3);

        // Anything but configuration is refused with 409 and the reason, and nothing reaches the station.
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PostAsJsonAsync("/api/stations/PROV-201/commands/remote-start", new { idTag = "04E91C5A123456", connectorId = 1 }, Ct),
            HttpStatusCode.Conflict, "Pending");
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PostAsJsonAsync("/api/stations/PROV-201/ocpp/ClearCache", new { }, Ct), HttpStatusCode.Conflict, "Pending");

        var accepted = await api.PatchAsJsonAsync("/api/stations/PROV-201", new { registrationStatus = "Accepted" }, Ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("registrationStatus").GetString().ShouldBe("Accepted");

        // The station is asked to boot again so it learns it is accepted; meanwhile it is already served.
        var bootAgain = await cp.ExpectCallAsync("TriggerMessage");
        bootAgain[3]!["requestedMessage"]!.GetValue<string>().ShouldBe("BootNotification");
        await cp.RespondAsync(bootAgain, new JsonObject { ["status"] = "Accepted" });
        var reboot = await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        reboot["status"]!.GetValue<string>().ShouldBe("Accepted");
        reboot["interval"]!.GetValue<int>().ShouldBe(300);
        var served = await cp.CallOkAsync("Authorize", authorize);
        served["idTokenInfo"]!["status"]!.GetValue<string>().ShouldNotBeNull();
    }

    [Fact]
    public async Task A_pending_16_station_is_refused_the_same_way()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "PROV-16", OcppTestData.V16);
        (await cp.CallOkAsync("BootNotification", OcppTestData.Boot16()))["status"]!.GetValue<string>().ShouldBe("Pending");
        var refused = await cp.CallAsync("Authorize", new JsonObject { ["idTag"] = "04E91C5A123456" });
        refused[2]!.GetValue<string>().ShouldBe("SecurityError");

        var api = factory.CreateApi();
        var get = api.PostAsJsonAsync("/api/stations/PROV-16/commands/get-configuration", new { }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("GetConfiguration"), new JsonObject { ["configurationKey"] = new JsonArray() });
        (await get).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PostAsJsonAsync("/api/stations/PROV-16/commands/reset", new { type = "Soft" }, Ct), HttpStatusCode.Conflict, "Pending");
    }

    [Fact]
    public async Task A_rejected_station_gets_only_the_retry_interval_and_is_sent_nothing()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/stations", new { id = "PROV-REJ", name = "Rejected one" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PatchAsJsonAsync("/api/stations/PROV-REJ", new { registrationStatus = "Rejected" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "PROV-REJ", OcppTestData.V201);
        var boot = await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        boot["status"]!.GetValue<string>().ShouldBe("Rejected");
        boot["interval"]!.GetValue<int>().ShouldBe(45);
        var part = new JsonObject { ["requestId"] = 3, ["generatedAt"] = "2026-12-07T10:00:00Z", ["seqNo"] = 0 };
        (await cp.CallAsync("NotifyReport", part))[2]!.GetValue<string>().ShouldBe("SecurityError");
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PostAsJsonAsync("/api/stations/PROV-REJ/ocpp/GetBaseReport", new { requestId = 1, reportBase = "FullInventory" }, Ct),
            HttpStatusCode.Conflict, "Rejected");
    }

    [Fact]
    public async Task Patch_changes_name_and_site_and_refuses_bad_input_without_changing_anything()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/stations", new { id = "PROV-EDIT", name = "Before" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        int siteId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            siteId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sites.Select(s => s.Id).FirstAsync(Ct);
        }

        var ok = await api.PatchAsJsonAsync("/api/stations/PROV-EDIT", new { name = "After", siteId }, Ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("name").GetString().ShouldBe("After");
        body.GetProperty("siteId").GetInt32().ShouldBe(siteId);
        body.GetProperty("registrationStatus").GetString().ShouldBe("Accepted");

        var bad = await api.PatchAsJsonAsync("/api/stations/PROV-EDIT", new { name = "Never", registrationStatus = "Maybe", colour = "red" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(bad, HttpStatusCode.BadRequest, "registrationStatus");
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.StartsWith("colour", StringComparison.Ordinal));
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PatchAsJsonAsync("/api/stations/PROV-EDIT", new { siteId = 999_999 }, Ct), HttpStatusCode.BadRequest, "no site 999999");
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.PatchAsJsonAsync("/api/stations/PROV-NOPE", new { name = "x" }, Ct), HttpStatusCode.NotFound, "PROV-NOPE");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var station = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Stations.AsNoTracking().SingleAsync(s => s.Id == "PROV-EDIT", Ct);
            station.Name.ShouldBe("After");
            station.SiteId.ShouldBe(siteId);
            station.RegistrationStatus.ShouldBe(StationRegistrationStatus.Accepted);
        }

        var ownerKey = await factory.ApiKeyForAsync(Data.DemoSeeder.OwnerEmail);
        (await factory.CreateApi(ownerKey).PatchAsJsonAsync("/api/stations/PROV-EDIT", new { name = "Owner's" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
