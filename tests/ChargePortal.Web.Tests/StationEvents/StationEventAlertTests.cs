using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.StationEvents;

/// <summary>NotifyEvent, SecurityEventNotification and NotifyMonitoringReport stored and turned into alerts, on real sockets.</summary>
public sealed class StationEventAlertTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_problem_event_raises_an_alert_on_the_operator_list_and_the_owners_dashboard_and_the_cleared_event_clears_it()
    {
        var api = factory.CreateApi();
        var ownerSite = await OwnerSiteIdAsync();
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "EV-PROBLEM", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        (await api.PatchAsJsonAsync("/api/stations/EV-PROBLEM", new { siteId = ownerSite }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await cp.CallOkAsync("NotifyEvent", Event(seq: 0, eventId: 11, trigger: "Delta", value: "true", cleared: null, techCode: "GFCI", techInfo: "ground fault"));
        var open = await AlertsAsync(api, "?stationId=EV-PROBLEM&open=true");
        var alert = open.ShouldHaveSingleItem();
        alert.GetProperty("kind").GetString().ShouldBe("StationProblem");
        alert.GetProperty("siteId").GetInt32().ShouldBe(ownerSite);
        alert.GetProperty("severity").GetInt32().ShouldBe(4);
        alert.GetProperty("message").GetString()!.ShouldContain("Connector.Problem (EVSE 1, connector 1) = true (GFCI, ground fault)");
        alert.GetProperty("clearedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        // The same problem repeated opens nothing new.
        await cp.CallOkAsync("NotifyEvent", Event(seq: 0, eventId: 12, trigger: "Delta", value: "true", cleared: null));
        (await AlertsAsync(api, "?stationId=EV-PROBLEM&open=true")).Count.ShouldBe(1);

        var operatorClient = BrowserClient();
        await operatorClient.SignInAsync(Data.DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword);
        // Other tests' stations report the same problem without tech details: this one is told apart by them.
        (await operatorClient.GetStringAsync("/operator/alerts", Ct)).ShouldContain("= true (GFCI, ground fault)");
        var owner = BrowserClient();
        await owner.SignInAsync(Data.DemoSeeder.OwnerEmail, ChargePortalFactory.DemoPassword);
        (await owner.GetStringAsync("/dashboard", Ct)).ShouldContain("= true (GFCI, ground fault)");
        var ownerApi = factory.CreateApi(await factory.ApiKeyForAsync(Data.DemoSeeder.OwnerEmail));
        (await AlertsAsync(ownerApi, "?stationId=EV-PROBLEM&open=true")).Count.ShouldBe(1);

        // The station reports the problem gone.
        await cp.CallOkAsync("NotifyEvent", Event(seq: 0, eventId: 13, trigger: "Delta", value: "false", cleared: true));
        (await AlertsAsync(api, "?stationId=EV-PROBLEM&open=true")).ShouldBeEmpty();
        var all = await AlertsAsync(api, "?stationId=EV-PROBLEM");
        all.ShouldHaveSingleItem().GetProperty("clearedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await operatorClient.GetStringAsync("/operator/alerts", Ct)).ShouldNotContain("= true (GFCI, ground fault)");
        (await owner.GetStringAsync("/dashboard", Ct)).ShouldNotContain("= true (GFCI, ground fault)");

        var events = await EventsAsync(api, "EV-PROBLEM", "");
        events.Count.ShouldBe(3);
        var first = events.Single(e => e.GetProperty("techCode").GetString() == "GFCI");
        first.GetProperty("kind").GetString().ShouldBe("Event");
        first.GetProperty("component").GetString().ShouldBe("Connector");
        first.GetProperty("variable").GetString().ShouldBe("Problem");
        first.GetProperty("trigger").GetString().ShouldBe("Delta");
        first.GetProperty("actualValue").GetString().ShouldBe("true");
        first.GetProperty("techInfo").GetString().ShouldBe("ground fault");
        events.Count(e => e.GetProperty("cleared").ValueKind == JsonValueKind.True).ShouldBe(1);
    }

    [Fact]
    public async Task An_alerting_monitor_event_takes_the_monitors_severity_and_security_events_are_stored_and_alerted()
    {
        var api = factory.CreateApi();
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "EV-MON", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());

        await cp.CallOkAsync("NotifyMonitoringReport", new JsonObject
        {
            ["requestId"] = 9, ["seqNo"] = 0, ["generatedAt"] = "2026-12-07T09:00:00Z",
            ["monitor"] = new JsonArray(new JsonObject
            {
                ["component"] = new JsonObject { ["name"] = "EVSE", ["evse"] = new JsonObject { ["id"] = 1 } },
                ["variable"] = new JsonObject { ["name"] = "Power" },
                ["variableMonitoring"] = new JsonArray(new JsonObject { ["id"] = 42, ["transaction"] = false, ["value"] = 22000, ["type"] = "UpperThreshold", ["severity"] = 2 }),
            }),
        });
        var alerting = new JsonObject
        {
            ["generatedAt"] = "2026-12-07T10:00:00Z", ["seqNo"] = 0,
            ["eventData"] = new JsonArray(new JsonObject
            {
                ["eventId"] = 1, ["timestamp"] = "2026-12-07T10:00:00Z", ["trigger"] = "Alerting", ["actualValue"] = "23500",
                ["component"] = new JsonObject { ["name"] = "EVSE", ["evse"] = new JsonObject { ["id"] = 1 } }, ["variable"] = new JsonObject { ["name"] = "Power" },
                ["variableMonitoringId"] = 42, ["eventNotificationType"] = "CustomMonitor",
            }),
        };
        await cp.CallOkAsync("NotifyEvent", alerting);
        await cp.CallOkAsync("SecurityEventNotification", new JsonObject { ["type"] = "TamperDetectionActivated", ["timestamp"] = "2026-12-07T10:05:00Z", ["techInfo"] = "lid open" });
        await cp.CallOkAsync("SecurityEventNotification", new JsonObject { ["type"] = "StartupOfTheDevice", ["timestamp"] = "2026-12-07T10:06:00Z" });

        var open = await AlertsAsync(api, "?stationId=EV-MON&open=true");
        open.Count.ShouldBe(2);
        open.Single(a => a.GetProperty("kind").GetString() == "StationProblem").GetProperty("severity").GetInt32().ShouldBe(2);
        open.Single(a => a.GetProperty("kind").GetString() == "SecurityEvent").GetProperty("message").GetString().ShouldBe("Security event: TamperDetectionActivated (lid open)");

        var events = await EventsAsync(api, "EV-MON", "");
        events.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["Security", "Security", "Event", "MonitoringReport"]);
        var monitor = events.Single(e => e.GetProperty("kind").GetString() == "MonitoringReport");
        monitor.GetProperty("trigger").GetString().ShouldBe("UpperThreshold");
        monitor.GetProperty("variableMonitoringId").GetInt32().ShouldBe(42);

        // from/to select by the station's time of the event.
        var window = await EventsAsync(api, "EV-MON", "?from=2026-12-07T10:04:00Z&to=2026-12-07T10:05:30Z");
        window.ShouldHaveSingleItem().GetProperty("trigger").GetString().ShouldBe("TamperDetectionActivated");
        await ApiAuthenticationTests.ShouldBeProblemAsync(
            await api.GetAsync("/api/stations/EV-MON/events?from=2026-12-08T00:00:00Z&to=2026-12-07T00:00:00Z", Ct), HttpStatusCode.BadRequest, "from");
        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.GetAsync("/api/stations/NOPE/events", Ct), HttpStatusCode.NotFound, "NOPE");

        // Alerting cleared by the station.
        alerting["eventData"]![0]!["cleared"] = true;
        alerting["eventData"]![0]!["eventId"] = 2;
        await cp.CallOkAsync("NotifyEvent", alerting);
        (await AlertsAsync(api, "?stationId=EV-MON&open=true")).ShouldHaveSingleItem().GetProperty("kind").GetString().ShouldBe("SecurityEvent");
    }

    [Fact]
    public async Task Site_owners_see_only_alerts_of_their_sites_and_drivers_none()
    {
        var api = factory.CreateApi();
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "EV-NOSITE", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        await cp.CallOkAsync("NotifyEvent", Event(seq: 0, eventId: 1, trigger: "Delta", value: "true", cleared: null));
        (await AlertsAsync(api, "?stationId=EV-NOSITE&open=true")).Count.ShouldBe(1);

        var ownerApi = factory.CreateApi(await factory.ApiKeyForAsync(Data.DemoSeeder.OwnerEmail));
        (await AlertsAsync(ownerApi, "?stationId=EV-NOSITE")).ShouldBeEmpty();
        var driverApi = factory.CreateApi(await factory.ApiKeyForAsync(Data.DemoSeeder.DriverEmail));
        (await driverApi.GetAsync("/api/alerts", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ownerApi.GetAsync("/api/stations/EV-NOSITE/events", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static JsonObject Event(int seq, int eventId, string trigger, string value, bool? cleared, string? techCode = null, string? techInfo = null)
    {
        var data = new JsonObject
        {
            ["eventId"] = eventId,
            ["timestamp"] = "2026-12-07T10:00:00Z",
            ["trigger"] = trigger,
            ["actualValue"] = value,
            ["component"] = new JsonObject { ["name"] = "Connector", ["evse"] = new JsonObject { ["id"] = 1, ["connectorId"] = 1 } },
            ["variable"] = new JsonObject { ["name"] = "Problem" },
            ["eventNotificationType"] = "HardWiredNotification",
        };
        if (cleared is not null)
        {
            data["cleared"] = cleared;
        }

        if (techCode is not null)
        {
            data["techCode"] = techCode;
        }

        if (techInfo is not null)
        {
            data["techInfo"] = techInfo;
        }

        return new JsonObject { ["generatedAt"] = "2026-12-07T10:00:00Z", ["seqNo"] = seq, ["eventData"] = new JsonArray(data) };
    }

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/alerts" + query, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Total-Count").ShouldHaveSingleItem();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()];
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient api, string stationId, string query)
    {
        var response = await api.GetAsync($"/api/stations/{stationId}/events{query}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()];
    }

    private HttpClient BrowserClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.BaseUri });

    private async Task<int> OwnerSiteIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ownerId = await factory.UserIdAsync(Data.DemoSeeder.OwnerEmail);
        return await db.SiteOwnerships.Where(o => o.UserId == ownerId).Select(o => o.SiteId).FirstAsync(Ct);
    }
}
