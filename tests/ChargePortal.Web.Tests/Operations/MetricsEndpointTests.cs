using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Operations;

/// <summary>The host with a metrics token and an allowed network the tests are not in.</summary>
public sealed class MetricsChargePortalFactory : KestrelChargePortalFactory
{
    public const string Token = "metrics-token-for-tests";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Operations:MetricsToken"] = Token,
        ["Operations:MetricsAllowedNetworks"] = "10.99.0.0/16",
        ["Ocpp:CallTimeoutSeconds"] = "10",
    };
}

/// <summary>A host whose allowed networks include loopback, where these tests run.</summary>
public sealed class LoopbackMetricsChargePortalFactory : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Operations:MetricsAllowedNetworks"] = "10.99.0.0/16, 127.0.0.1/32, ::1",
    };
}

public sealed class MetricsEndpointTests(MetricsChargePortalFactory factory) : IClassFixture<MetricsChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_station_connects_metrics_shows_it_its_messages_handling_times_queues_and_command_outcomes()
    {
        await using var station = await RawOcppClient.ConnectAsync(factory.OcppUri, "METRICS-16", V16);
        await station.CallOkAsync("BootNotification", Boot16());
        await station.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Available" });
        await station.CallOkAsync("Heartbeat", new JsonObject());

        var command = factory.CreateApi().PostAsJsonAsync("/api/stations/METRICS-16/commands/trigger-message", new { message = "Heartbeat" }, Ct);
        await station.RespondAsync(await station.ExpectCallAsync("TriggerMessage"), new JsonObject { ["status"] = "Accepted" });
        (await command).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Scrape(MetricsChargePortalFactory.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync(Ct);

        ShouldHaveSeries(text, "chargeportal_ocpp_stations_connected", "ocpp_version=\"1.6\"");
        ShouldHaveSeries(text, "chargeportal_ocpp_messages_total", "action=\"BootNotification\"", "direction=\"in\"", "type=\"call\"");
        ShouldHaveSeries(text, "chargeportal_ocpp_messages_total", "action=\"TriggerMessage\"", "direction=\"out\"");
        ShouldHaveSeries(text, "chargeportal_ocpp_handling_duration_seconds_bucket", "action=\"StatusNotification\"", "ocpp_version=\"1.6\"");
        ShouldHaveSeries(text, "chargeportal_ocpp_commands_total", "command=\"TriggerMessage\"", "outcome=\"accepted\"");
        ShouldHaveSeries(text, "chargeportal_ocpp_command_duration_seconds_count", "command=\"TriggerMessage\"");
        ShouldHaveSeries(text, "chargeportal_queue_depth", "queue=\"message_log\"");
        ShouldHaveSeries(text, "chargeportal_queue_depth", "queue=\"meter_values\"");
        ShouldHaveSeries(text, "chargeportal_queue_depth", "queue=\"live_events\"");
        text.ShouldContain("http_server_request_duration_seconds"); // ASP.NET Core's own
        text.ShouldContain("microsoft_entityframeworkcore_queries_total"); // EF Core's own
    }

    [Fact]
    public async Task Without_the_token_from_outside_the_allowed_networks_metrics_are_refused()
    {
        var none = await Scrape(token: null);
        none.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await none.Content.ReadAsStringAsync(Ct)).ShouldNotContain("chargeportal_");

        var wrong = await Scrape("not-the-token");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync(Ct)).ShouldNotContain("chargeportal_");
    }

    private static void ShouldHaveSeries(string text, string name, params string[] labels) =>
        text.Split('\n').ShouldContain(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)),
            $"no {name} series with {string.Join(", ", labels)}");

    private async Task<HttpResponseMessage> Scrape(string? token)
    {
        using var client = new HttpClient { BaseAddress = factory.BaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request, Ct);
    }
}

public sealed class MetricsNetworkTests(LoopbackMetricsChargePortalFactory factory) : IClassFixture<LoopbackMetricsChargePortalFactory>
{
    [Fact]
    public async Task A_client_in_an_allowed_network_scrapes_without_a_token()
    {
        using var client = new HttpClient { BaseAddress = factory.BaseUri };
        var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("# TYPE");
    }

    [Fact]
    public void A_malformed_network_stops_the_start_with_the_setting_named()
    {
        var error = Should.Throw<InvalidOperationException>(() => Web.Telemetry.MetricsAccess.ParseNetworks("10.0.0.0/8, not-a-network"));
        error.Message.ShouldContain("Operations:MetricsAllowedNetworks has 'not-a-network'");
    }
}
