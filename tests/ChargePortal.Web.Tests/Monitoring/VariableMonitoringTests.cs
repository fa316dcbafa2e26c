using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;

namespace ChargePortal.Web.Tests.Monitoring;

/// <summary>2.0.1 variable monitoring (N02–N06) through the command API on real sockets, and the stored monitor list.</summary>
public sealed class VariableMonitoringTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly string[] Criteria = ["ThresholdMonitoring", "DeltaMonitoring"];
    private static readonly int[] ClearIds = [11, 20, 99];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Monitors_set_reported_and_cleared_on_the_station_are_listed_as_it_has_them()
    {
        await using var cp = await BootAsync("MON-1");
        var api = factory.CreateApi();

        // Set two monitors; the station accepts one (allocating id 11) and rejects the other.
        var set = api.PostAsJsonAsync("/api/stations/MON-1/commands/set-variable-monitoring", new
        {
            monitors = new object[]
            {
                new { component = new { name = "EVSE", evse = new { id = 1 } }, variable = new { name = "Power" }, type = "UpperThreshold", value = 7000, severity = 4 },
                new { component = new { name = "EVSE", evse = new { id = 1 } }, variable = new { name = "Power" }, type = "Delta", value = -1, severity = 5, transaction = true },
            },
        }, Ct);
        var call = await cp.ExpectCallAsync("SetVariableMonitoring");
        var data = call[3]!["setMonitoringData"]!.AsArray();
        data.Count.ShouldBe(2);
        ((decimal)data[0]!["value"]!).ShouldBe(7000m);
        ((bool)data[1]!["transaction"]!).ShouldBeTrue();
        await cp.RespondAsync(call, new JsonObject
        {
            ["setMonitoringResult"] = new JsonArray(
                Result(data[0]!, "Accepted", 11),
                Result(data[1]!, "Rejected", null)),
        });
        var answer = await ReadAsync(await set);
        answer.GetProperty("status").GetString().ShouldBe("Rejected");
        answer.GetProperty("setMonitoringResult").GetArrayLength().ShouldBe(2);

        var monitors = await MonitorsAsync(api, "MON-1", m => m.GetArrayLength() == 1);
        var monitor = monitors[0];
        monitor.GetProperty("id").GetInt32().ShouldBe(11);
        monitor.GetProperty("component").GetProperty("name").GetString().ShouldBe("EVSE");
        monitor.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32().ShouldBe(1);
        monitor.GetProperty("variable").GetProperty("name").GetString().ShouldBe("Power");
        monitor.GetProperty("type").GetString().ShouldBe("UpperThreshold");
        monitor.GetProperty("value").GetDecimal().ShouldBe(7000m);
        monitor.GetProperty("severity").GetInt32().ShouldBe(4);
        monitor.GetProperty("transaction").GetBoolean().ShouldBeFalse();

        // A monitoring report adds what the station has besides (its preconfigured monitors).
        var report = api.PostAsJsonAsync("/api/stations/MON-1/commands/get-monitoring-report", new { criteria = Criteria }, Ct);
        var reportCall = await cp.ExpectCallAsync("GetMonitoringReport");
        var requestId = (int)reportCall[3]!["requestId"]!;
        reportCall[3]!["monitoringCriteria"]!.ToJsonString().ShouldBe("""["ThresholdMonitoring","DeltaMonitoring"]""");
        await cp.RespondAsync(reportCall, new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await report)).GetProperty("status").GetString().ShouldBe("Accepted");
        await cp.CallOkAsync("NotifyMonitoringReport", new JsonObject
        {
            ["requestId"] = requestId, ["seqNo"] = 0, ["generatedAt"] = "2026-12-07T10:00:00.000Z",
            ["monitor"] = new JsonArray(new JsonObject
            {
                ["component"] = new JsonObject { ["name"] = "ChargingStation" },
                ["variable"] = new JsonObject { ["name"] = "Temperature" },
                ["variableMonitoring"] = new JsonArray(
                    new JsonObject { ["id"] = 20, ["transaction"] = false, ["value"] = 60, ["type"] = "UpperThreshold", ["severity"] = 2 },
                    new JsonObject { ["id"] = 21, ["transaction"] = false, ["value"] = -20, ["type"] = "LowerThreshold", ["severity"] = 3 }),
            }),
        });
        monitors = await MonitorsAsync(api, "MON-1", m => m.GetArrayLength() == 3);
        monitors.Select(m => m.GetProperty("id").GetInt32()).Order().ShouldBe([11, 20, 21]);

        // Clearing: Accepted and NotFound both leave the list without the monitor.
        var clear = api.PostAsJsonAsync("/api/stations/MON-1/commands/clear-variable-monitoring", new { ids = ClearIds }, Ct);
        var clearCall = await cp.ExpectCallAsync("ClearVariableMonitoring");
        clearCall[3]!["id"]!.ToJsonString().ShouldBe("[11,20,99]");
        await cp.RespondAsync(clearCall, new JsonObject
        {
            ["clearMonitoringResult"] = new JsonArray(
                new JsonObject { ["id"] = 11, ["status"] = "Accepted" },
                new JsonObject { ["id"] = 20, ["status"] = "Rejected" },
                new JsonObject { ["id"] = 99, ["status"] = "NotFound" }),
        });
        (await ReadAsync(await clear)).GetProperty("status").GetString().ShouldBe("Rejected");
        monitors = await MonitorsAsync(api, "MON-1", m => m.GetArrayLength() == 2);
        monitors.Select(m => m.GetProperty("id").GetInt32()).Order().ShouldBe([20, 21]);
    }

    [Fact]
    public async Task Monitoring_base_and_level_are_sent_as_given_and_answered_with_the_stations_status()
    {
        await using var cp = await BootAsync("MON-2");
        var api = factory.CreateApi();

        var baseSent = api.PostAsJsonAsync("/api/stations/MON-2/commands/set-monitoring-base", new { @base = "HardWiredOnly" }, Ct);
        var baseCall = await cp.ExpectCallAsync("SetMonitoringBase");
        ((string)baseCall[3]!["monitoringBase"]!).ShouldBe("HardWiredOnly");
        await cp.RespondAsync(baseCall, new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await baseSent)).GetProperty("status").GetString().ShouldBe("Accepted");

        var levelSent = api.PostAsJsonAsync("/api/stations/MON-2/commands/set-monitoring-level", new { severity = 3 }, Ct);
        var levelCall = await cp.ExpectCallAsync("SetMonitoringLevel");
        ((int)levelCall[3]!["severity"]!).ShouldBe(3);
        await cp.RespondAsync(levelCall, new JsonObject { ["status"] = "Rejected" });
        (await ReadAsync(await levelSent)).GetProperty("status").GetString().ShouldBe("Rejected");
    }

    [Theory]
    [InlineData("set-monitoring-level", """{"severity":10}""", "severity must be 0 (Danger) to 9 (Debug), got 10.")]
    [InlineData("set-monitoring-base", """{"base":"Some"}""", "base must be one of All, FactoryDefault, HardWiredOnly")]
    [InlineData("set-variable-monitoring", """{"monitors":[]}""", "monitors must be a non-empty array of objects.")]
    [InlineData("set-variable-monitoring", """{"monitors":[{"component":{"name":"EVSE"},"type":"Delta","value":1,"severity":1}]}""", "monitors[0].variable is required.")]
    [InlineData("set-variable-monitoring", """{"monitors":[{"component":{"name":"EVSE"},"variable":{"name":"Power"},"type":"Upper","value":1,"severity":1}]}""", "monitors[0].type must be one of UpperThreshold")]
    [InlineData("clear-variable-monitoring", """{"ids":[1,1]}""", "ids lists 1 more than once.")]
    [InlineData("get-monitoring-report", """{"criteria":["Threshold"]}""", "criteria[0] must be one of ThresholdMonitoring, DeltaMonitoring, PeriodicMonitoring")]
    public async Task Bad_bodies_are_400_naming_the_field_and_nothing_is_sent(string command, string body, string message)
    {
        await using var cp = await BootAsync("MON-BAD");
        var response = await factory.CreateApi().PostAsync($"/api/stations/MON-BAD/commands/{command}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(JsonSerializer.Serialize(message)[1..^1]);
    }

    [Fact]
    public async Task A_16_station_has_no_monitoring_and_an_unknown_station_no_monitor_list()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "MON-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var api = factory.CreateApi();

        var response = await api.PostAsJsonAsync("/api/stations/MON-16/commands/set-monitoring-level", new { severity = 3 }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Variable monitoring exists in OCPP 2.0.1 only.");

        (await api.GetAsync("/api/stations/NO-SUCH-STATION/monitors", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        return cp;
    }

    private static JsonObject Result(JsonNode sent, string status, int? id)
    {
        var result = new JsonObject
        {
            ["status"] = status, ["type"] = sent["type"]!.DeepClone(), ["severity"] = sent["severity"]!.DeepClone(),
            ["component"] = sent["component"]!.DeepClone(), ["variable"] = sent["variable"]!.DeepClone(),
        };
        if (id is not null)
        {
            result["id"] = id;
        }

        return result;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> MonitorsAsync(HttpClient api, string stationId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var list = await api.GetFromJsonAsync<JsonElement>($"/api/stations/{stationId}/monitors", Ct);
            if (condition(list) || DateTime.UtcNow > deadline)
            {
                return [.. list.EnumerateArray()];
            }

            await Task.Delay(50, Ct);
        }
    }
}
