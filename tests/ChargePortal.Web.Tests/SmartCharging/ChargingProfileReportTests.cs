using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Operators.SmartCharging.Profiles;
using ChargePortal.Web.Tests.Foundation;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;

namespace ChargePortal.Web.Tests.SmartCharging;

/// <summary>GetChargingProfiles / ReportChargingProfiles (K09) on real sockets: what the station has, next to what the CSMS set.</summary>
public sealed class ChargingProfileReportTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly int[] ReportedIds = [7, 30];
    private static readonly string[] CsoAndEms = ["CSO", "EMS"];
    private static readonly int[] ProfileEight = [8];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_parts_are_stored_per_request_next_to_the_profiles_the_CSMS_set()
    {
        await using var cp = await BootAsync("CPR-1");
        var api = factory.CreateApi();

        // The CSMS sets a TxDefaultProfile; the station accepts it.
        var set = api.PostAsJsonAsync("/api/stations/CPR-1/commands/set-charging-profile", new { evseId = 1, profile = JsonNode.Parse(Profile(7, "TxDefaultProfile", 11000)) }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("SetChargingProfile"), new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await set)).GetProperty("status").GetString().ShouldBe("Accepted");

        // Asked for its TxDefaultProfiles and the EMS's limits, the station reports in two parts.
        var get = api.PostAsJsonAsync("/api/stations/CPR-1/commands/get-charging-profiles",
            new { requestId = 4711, purpose = "TxDefaultProfile", sources = CsoAndEms }, Ct);
        var call = await cp.ExpectCallAsync("GetChargingProfiles");
        ((int)call[3]!["requestId"]!).ShouldBe(4711);
        call[3]!["evseId"].ShouldBeNull();
        call[3]!["chargingProfile"]!.ToJsonString().ShouldBe("""{"chargingProfilePurpose":"TxDefaultProfile","chargingLimitSource":["CSO","EMS"]}""");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var answer = await ReadAsync(await get);
        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        answer.GetProperty("requestId").GetInt32().ShouldBe(4711);

        await cp.CallOkAsync("ReportChargingProfiles", Part(4711, "CSO", 1, tbc: true, JsonNode.Parse(Profile(7, "TxDefaultProfile", 11000))!));
        var partial = await ProfilesAsync(api, "CPR-1", p => p.GetProperty("reports").GetArrayLength() == 1
            && p.GetProperty("reports")[0].GetProperty("parts").GetInt32() == 1);
        partial.GetProperty("reports")[0].GetProperty("complete").GetBoolean().ShouldBeFalse();

        await cp.CallOkAsync("ReportChargingProfiles", Part(4711, "EMS", 0, tbc: false, JsonNode.Parse(Profile(30, "TxDefaultProfile", 4000))!));
        var profiles = await ProfilesAsync(api, "CPR-1", p => p.GetProperty("reports")[0].GetProperty("complete").GetBoolean());

        var setList = profiles.GetProperty("set").EnumerateArray().ToList();
        setList.Count.ShouldBe(1);
        setList[0].GetProperty("id").GetInt32().ShouldBe(7);
        setList[0].GetProperty("evseId").GetInt32().ShouldBe(1);
        setList[0].GetProperty("purpose").GetString().ShouldBe("TxDefaultProfile");

        var report = profiles.GetProperty("reports")[0];
        report.GetProperty("requestId").GetInt32().ShouldBe(4711);
        report.GetProperty("answer").GetString().ShouldBe("Accepted");
        report.GetProperty("parts").GetInt32().ShouldBe(2);
        var reported = report.GetProperty("profiles").EnumerateArray().ToList();
        reported.Select(p => p.GetProperty("id").GetInt32()).Order().ShouldBe(ReportedIds);
        var ems = reported.Single(p => p.GetProperty("id").GetInt32() == 30);
        ems.GetProperty("source").GetString().ShouldBe("EMS");
        ems.GetProperty("evseId").GetInt32().ShouldBe(0);
        ems.GetProperty("kind").GetString().ShouldBe("Absolute");
        ems.GetProperty("profile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal().ShouldBe(4000m);

        // Cleared by id: no longer among the profiles the CSMS set.
        var clear = api.PostAsJsonAsync("/api/stations/CPR-1/commands/clear-charging-profile", new { profileId = 7 }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ClearChargingProfile"), new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await clear)).GetProperty("status").GetString().ShouldBe("Accepted");
        profiles = await ProfilesAsync(api, "CPR-1", p => p.GetProperty("set").GetArrayLength() == 0);
        profiles.GetProperty("set").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task NoProfiles_completes_the_request_and_a_rejected_profile_is_not_listed_as_set()
    {
        await using var cp = await BootAsync("CPR-2");
        var api = factory.CreateApi();

        var set = api.PostAsJsonAsync("/api/stations/CPR-2/commands/set-charging-profile", new { evseId = 0, profile = JsonNode.Parse(Profile(8, "ChargingStationMaxProfile", 20000)) }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("SetChargingProfile"), new JsonObject { ["status"] = "Rejected" });
        (await ReadAsync(await set)).GetProperty("status").GetString().ShouldBe("Rejected");

        var get = api.PostAsJsonAsync("/api/stations/CPR-2/commands/get-charging-profiles", new { evseId = 0, profileIds = ProfileEight }, Ct);
        var call = await cp.ExpectCallAsync("GetChargingProfiles");
        ((int)call[3]!["evseId"]!).ShouldBe(0);
        call[3]!["chargingProfile"]!.ToJsonString().ShouldBe("""{"chargingProfileId":[8]}""");
        var requestId = (int)call[3]!["requestId"]!;
        await cp.RespondAsync(call, new JsonObject { ["status"] = "NoProfiles" });
        var answer = await ReadAsync(await get);
        answer.GetProperty("status").GetString().ShouldBe("NoProfiles");
        answer.GetProperty("requestId").GetInt32().ShouldBe(requestId);

        var profiles = await ProfilesAsync(api, "CPR-2", p => p.GetProperty("reports").GetArrayLength() == 1);
        var report = profiles.GetProperty("reports")[0];
        report.GetProperty("answer").GetString().ShouldBe("NoProfiles");
        report.GetProperty("complete").GetBoolean().ShouldBeTrue();
        report.GetProperty("profiles").GetArrayLength().ShouldBe(0);
        profiles.GetProperty("set").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_profile_set_again_replaces_the_one_with_its_id_or_its_evse_purpose_and_stack_level()
    {
        await using var cp = await BootAsync("CPR-4");
        var api = factory.CreateApi();

        await SetAsync(cp, api, "CPR-4", Profile(7, "TxDefaultProfile", 11000));
        await SetAsync(cp, api, "CPR-4", Profile(7, "TxDefaultProfile", 7400));
        var profiles = await ProfilesAsync(api, "CPR-4", p => p.GetProperty("set").GetArrayLength() == 1
            && p.GetProperty("set")[0].GetProperty("profile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal() == 7400m);
        profiles.GetProperty("set")[0].GetProperty("profile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal().ShouldBe(7400m);

        // Same EVSE, purpose and stack level under another id: the station replaces 7 with 9 (K01.FR.05).
        await SetAsync(cp, api, "CPR-4", Profile(9, "TxDefaultProfile", 3700));
        profiles = await ProfilesAsync(api, "CPR-4", p => p.GetProperty("set").EnumerateArray().Any(s => s.GetProperty("id").GetInt32() == 9));
        profiles.GetProperty("set").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ShouldBe([9]);
    }

    [Theory]
    [InlineData("{}", "Name the profiles to report: profileIds, or one or more of purpose, stackLevel and sources (K09.FR.03).")]
    [InlineData("""{"profileIds":[1],"stackLevel":0}""", "Give either profileIds or purpose/stackLevel/sources, not both (K09.FR.03).")]
    [InlineData("""{"sources":["DSO"]}""", "sources[0] must be one of EMS, Other, SO, CSO")]
    [InlineData("""{"profileIds":[1,1]}""", "profileIds lists 1 more than once.")]
    [InlineData("""{"purpose":"TxProfile","evseId":-1}""", "evseId")]
    public async Task Bad_criteria_are_400_and_nothing_is_sent(string body, string message)
    {
        await using var cp = await BootAsync("CPR-BAD");
        var response = await factory.CreateApi().PostAsync("/api/stations/CPR-BAD/commands/get-charging-profiles", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(JsonSerializer.Serialize(message)[1..^1]);
    }

    [Fact]
    public async Task A_16_station_unknown_station_and_a_driver_are_refused()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "CPR-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var api = factory.CreateApi();

        var response = await api.PostAsJsonAsync("/api/stations/CPR-16/commands/get-charging-profiles", new { purpose = "TxProfile" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("GetChargingProfiles exists in OCPP 2.0.1 only.");

        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.GetAsync("/api/stations/NO-SUCH/charging-profiles", Ct), HttpStatusCode.NotFound, "NO-SUCH");
        (await api.PostAsJsonAsync("/api/stations/NO-SUCH/commands/get-charging-profiles", new { purpose = "TxProfile" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var driverKey = await factory.ApiKeyForAsync(Data.DemoSeeder.DriverEmail);
        (await factory.CreateApi(driverKey).GetAsync("/api/stations/CPR-16/charging-profiles", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.CreateApi(driverKey).PostAsJsonAsync("/api/stations/CPR-16/commands/get-charging-profiles", new { purpose = "TxProfile" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_report_part_that_breaks_the_schema_is_refused_and_not_stored()
    {
        await using var cp = await BootAsync("CPR-3");
        var part = Part(99, "CSO", 1, tbc: false, JsonNode.Parse(Profile(5, "TxProfile", 1000))!);
        part["chargingLimitSource"] = "Grid";
        var reply = await cp.CallAsync("ReportChargingProfiles", part);
        ((int)reply[0]!).ShouldBe(4);

        var tracker = factory.Services.GetRequiredService<ChargingProfileTracker>();
        await OcppTestData.EventuallyAsync(() => Task.FromResult(tracker.Pending), pending => pending == 0);
        var profiles = await factory.CreateApi().GetFromJsonAsync<JsonElement>("/api/stations/CPR-3/charging-profiles", Ct);
        profiles.GetProperty("reports").GetArrayLength().ShouldBe(0);
    }

    internal static string Profile(int id, string purpose, int limitW) => $$"""
        {"id":{{id}},"stackLevel":0,"chargingProfilePurpose":"{{purpose}}","chargingProfileKind":"Absolute",
         "chargingSchedule":[{"id":1,"startSchedule":"2026-12-07T00:00:00Z","chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":{{limitW}}}]}]}
        """;

    private static JsonObject Part(int requestId, string source, int evseId, bool tbc, JsonNode profile) => new()
    {
        ["requestId"] = requestId, ["chargingLimitSource"] = source, ["evseId"] = evseId, ["tbc"] = tbc, ["chargingProfile"] = new JsonArray(profile),
    };

    private static async Task SetAsync(RawOcppClient cp, HttpClient api, string stationId, string profile)
    {
        var set = api.PostAsJsonAsync($"/api/stations/{stationId}/commands/set-charging-profile", new { evseId = 1, profile = JsonNode.Parse(profile) }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("SetChargingProfile"), new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await set)).GetProperty("status").GetString().ShouldBe("Accepted");
    }

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        return cp;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<JsonElement> ProfilesAsync(HttpClient api, string stationId, Func<JsonElement, bool> condition) =>
        OcppTestData.EventuallyAsync(() => api.GetFromJsonAsync<JsonElement>($"/api/stations/{stationId}/charging-profiles", Ct), condition);
}
