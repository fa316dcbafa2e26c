using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.StationSecurity.NetworkProfiles;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;

namespace ChargePortal.Web.Tests.StationSecurity;

/// <summary>
/// SetNetworkProfile (A05/B09) on real sockets, TLS included: the follow-up NetworkConfigurationPriority and Reset, the
/// security profile raised only once the station reconnects on it, never lowered, and every refusal.
/// </summary>
public sealed class NetworkProfileTests(TlsChargePortalFactory factory) : IClassFixture<TlsChargePortalFactory>
{
    private const string Password = "network-profile-password";
    private static readonly int[] PriorityThreeZero = [3, 0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_higher_profile_is_sent_with_priority_and_reset_and_becomes_the_stations_once_it_reconnects_on_it()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/stations", new { id = "NP-UP", securityProfile = 1, password = Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var tlsUrl = factory.TlsOcppUri.AbsoluteUri;

        await using (var cp = await RawOcppClient.ConnectAsync(factory.PlainOcppUri, "NP-UP", OcppTestData.V201, Password))
        {
            await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
            var sent = api.PostAsJsonAsync("/api/stations/NP-UP/network-profiles", new
            {
                configurationSlot = 2, csmsUrl = tlsUrl, messageTimeout = 30, securityProfile = 2, ocppInterface = "Wired0",
                vpn = new { server = "vpn.example.com", user = "cs", password = "vpn-secret", key = "shared-key", type = "IKEv2" },
            }, Ct);

            var read = await cp.ExpectCallAsync("GetVariables");
            var wanted = read[3]!["getVariableData"]![0]!;
            ((string)wanted["component"]!["name"]!).ShouldBe("OCPPCommCtrlr");
            ((string)wanted["variable"]!["name"]!).ShouldBe("NetworkConfigurationPriority");
            await cp.RespondAsync(read, new JsonObject
            {
                ["getVariableResult"] = new JsonArray(new JsonObject
                {
                    ["attributeStatus"] = "Accepted", ["attributeValue"] = "1", ["component"] = wanted["component"]!.DeepClone(), ["variable"] = wanted["variable"]!.DeepClone(),
                }),
            });

            var profile = await cp.ExpectCallAsync("SetNetworkProfile");
            ((int)profile[3]!["configurationSlot"]!).ShouldBe(2);
            var data = profile[3]!["connectionData"]!;
            ((string)data["ocppVersion"]!).ShouldBe("OCPP20");
            ((string)data["ocppTransport"]!).ShouldBe("JSON");
            ((string)data["ocppCsmsUrl"]!).ShouldBe(tlsUrl);
            ((int)data["messageTimeout"]!).ShouldBe(30);
            ((int)data["securityProfile"]!).ShouldBe(2);
            ((string)data["ocppInterface"]!).ShouldBe("Wired0");
            ((string)data["vpn"]!["key"]!).ShouldBe("shared-key");
            await cp.RespondAsync(profile, new JsonObject { ["status"] = "Accepted" });

            var priority = await cp.ExpectCallAsync("SetVariables");
            var setData = priority[3]!["setVariableData"]![0]!;
            ((string)setData["variable"]!["name"]!).ShouldBe("NetworkConfigurationPriority");
            ((string)setData["attributeValue"]!).ShouldBe("2,1");
            await cp.RespondAsync(priority, new JsonObject
            {
                ["setVariableResult"] = new JsonArray(new JsonObject
                {
                    ["attributeStatus"] = "Accepted", ["component"] = setData["component"]!.DeepClone(), ["variable"] = setData["variable"]!.DeepClone(),
                }),
            });

            var reset = await cp.ExpectCallAsync("Reset");
            ((string)reset[3]!["type"]!).ShouldBe("OnIdle");
            await cp.RespondAsync(reset, new JsonObject { ["status"] = "Accepted" });

            var answer = await ReadAsync(await sent);
            answer.GetProperty("status").GetString().ShouldBe("Accepted");
            answer.GetProperty("priority").GetString().ShouldBe("2,1");
            answer.GetProperty("priorityStatus").GetString().ShouldBe("Accepted");
            answer.GetProperty("resetStatus").GetString().ShouldBe("Accepted");
            answer.GetProperty("currentSecurityProfile").GetInt32().ShouldBe(1);
            answer.GetProperty("pendingSecurityProfile").GetInt32().ShouldBe(2);
        }

        // Not moved yet: the station keeps profile 1 and may still fall back to its old connection (B10.FR.07).
        var before = await api.GetFromJsonAsync<JsonElement>("/api/stations/NP-UP/network-profiles", Ct);
        before.GetProperty("securityProfile").GetInt32().ShouldBe(1);
        before.GetProperty("pendingSecurityProfile").GetInt32().ShouldBe(2);
        before.GetProperty("changes")[0].GetProperty("appliedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        before.GetRawText().ShouldNotContain("vpn-secret");
        before.GetRawText().ShouldNotContain("shared-key");
        await using (var fallback = await RawOcppClient.ConnectAsync(factory.PlainOcppUri, "NP-UP", OcppTestData.V201, Password))
        {
            await fallback.CallOkAsync("Heartbeat", new JsonObject());
        }

        (await api.GetFromJsonAsync<JsonElement>("/api/stations/NP-UP/network-profiles", Ct)).GetProperty("securityProfile").GetInt32().ShouldBe(1);

        // It reconnects on the new profile (TLS + Basic): from now on that is its profile, and plain ws:// is refused (A05.FR.07).
        await using (var upgraded = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, "NP-UP", OcppTestData.V201, Password, factory.Tls()))
        {
            (await upgraded.CallOkAsync("BootNotification", OcppTestData.Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        }

        var after = await api.GetFromJsonAsync<JsonElement>("/api/stations/NP-UP/network-profiles", Ct);
        after.GetProperty("securityProfile").GetInt32().ShouldBe(2);
        after.GetProperty("pendingSecurityProfile").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("changes")[0].GetProperty("appliedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await RawOcppClient.RefusedStatusAsync(factory.PlainOcppUri, "NP-UP", "ocpp2.0.1", Password)).ShouldBe(HttpStatusCode.Unauthorized);

        // Going back down is refused before anything is sent (A05, B09.FR.04).
        await using var station = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, "NP-UP", OcppTestData.V201, Password, factory.Tls());
        var lower = await api.PostAsJsonAsync("/api/stations/NP-UP/network-profiles",
            new { configurationSlot = 1, csmsUrl = factory.PlainOcppUri.AbsoluteUri, messageTimeout = 30, securityProfile = 1, ocppInterface = "Wired0" }, Ct);
        lower.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await lower.Content.ReadAsStringAsync(Ct)).ShouldContain("securityProfile 1 is below the station's current security profile 2");
    }

    [Fact]
    public async Task A_rejected_profile_gets_no_follow_ups_and_a_given_priority_is_sent_as_is()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/stations", new { id = "NP-REJ", securityProfile = 1, password = Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var cp = await RawOcppClient.ConnectAsync(factory.PlainOcppUri, "NP-REJ", OcppTestData.V201, Password);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var body = new { configurationSlot = 3, csmsUrl = "ws://other.example.com/ocpp/", messageTimeout = 20, securityProfile = 1, ocppInterface = "Wireless0",
            apn = new { apn = "internet.example", apnPassword = "apn-secret", apnAuthentication = "PAP" }, priority = PriorityThreeZero };

        var rejected = api.PostAsJsonAsync("/api/stations/NP-REJ/network-profiles", body, Ct);
        var call = await cp.ExpectCallAsync("SetNetworkProfile");
        ((string)call[3]!["connectionData"]!["apn"]!["apnAuthentication"]!).ShouldBe("PAP");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Rejected" });
        var answer = await ReadAsync(await rejected);
        answer.GetProperty("status").GetString().ShouldBe("Rejected");
        answer.GetProperty("priority").ValueKind.ShouldBe(JsonValueKind.Null);
        answer.GetProperty("pendingSecurityProfile").ValueKind.ShouldBe(JsonValueKind.Null);

        // Accepted with the priority given: no GetVariables first, "3,0" as sent; the station asks for a reboot.
        var accepted = api.PostAsJsonAsync("/api/stations/NP-REJ/network-profiles", body, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("SetNetworkProfile"), new JsonObject { ["status"] = "Accepted" });
        var priority = await cp.ExpectCallAsync("SetVariables");
        ((string)priority[3]!["setVariableData"]![0]!["attributeValue"]!).ShouldBe("3,0");
        var setData = priority[3]!["setVariableData"]![0]!;
        await cp.RespondAsync(priority, new JsonObject
        {
            ["setVariableResult"] = new JsonArray(new JsonObject
            {
                ["attributeStatus"] = "RebootRequired", ["component"] = setData["component"]!.DeepClone(), ["variable"] = setData["variable"]!.DeepClone(),
            }),
        });
        await cp.RespondAsync(await cp.ExpectCallAsync("Reset"), new JsonObject { ["status"] = "Scheduled" });
        answer = await ReadAsync(await accepted);
        answer.GetProperty("priorityStatus").GetString().ShouldBe("RebootRequired");
        answer.GetProperty("resetStatus").GetString().ShouldBe("Scheduled");
        answer.GetProperty("pendingSecurityProfile").ValueKind.ShouldBe(JsonValueKind.Null, "same profile as now: nothing to move to");

        var list = await api.GetFromJsonAsync<JsonElement>("/api/stations/NP-REJ/network-profiles", Ct);
        list.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ShouldBe(["Accepted", "Rejected"]);
        list.GetProperty("changes")[0].GetProperty("apn").GetString().ShouldBe("internet.example");
        list.GetRawText().ShouldNotContain("apn-secret");
    }

    [Theory]
    [InlineData("""{"configurationSlot":1,"messageTimeout":30,"securityProfile":1,"ocppInterface":"Wired0"}""", "csmsUrl is required.")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"https://csms.example.com/","messageTimeout":30,"securityProfile":1,"ocppInterface":"Wired0"}""", "csmsUrl must be an absolute ws:// or wss:// URL")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"ws://csms.example.com/","messageTimeout":30,"securityProfile":2,"ocppInterface":"Wired0"}""", "Security profile 2 runs over TLS: csmsUrl must start with wss://")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"ws://csms.example.com/","messageTimeout":0,"securityProfile":1,"ocppInterface":"Wired0"}""", "messageTimeout must be")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"wss://csms.example.com/","messageTimeout":30,"securityProfile":4,"ocppInterface":"Wired0"}""", "securityProfile must be 0, 1, 2 or 3, got 4.")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"ws://csms.example.com/","messageTimeout":30,"securityProfile":1,"ocppInterface":"Wifi"}""", "ocppInterface must be one of Wired0")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"ws://csms.example.com/","messageTimeout":30,"securityProfile":1,"ocppInterface":"Wired0","priority":[0,1]}""", "priority must start with the new profile")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"ws://csms.example.com/","messageTimeout":30,"securityProfile":1,"ocppInterface":"Wired0","apn":{"apn":"x"}}""", "apn.apnAuthentication is required")]
    [InlineData("""{"configurationSlot":1,"csmsUrl":"ws://csms.example.com/","messageTimeout":30,"securityProfile":1,"ocppInterface":"Wired0","slot":1}""", "Unknown property")]
    public async Task Bad_bodies_are_400_naming_the_problem(string body, string message)
    {
        var api = factory.CreateApi();
        await api.PostAsJsonAsync("/api/stations", new { id = "NP-BAD", securityProfile = 1, password = Password }, Ct);

        var response = await api.PostAsync("/api/stations/NP-BAD/network-profiles", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(JsonSerializer.Serialize(message)[1..^1]);
    }

    [Fact]
    public async Task Refusals_16_station_offline_unknown_no_password_wrong_role_and_the_command_route()
    {
        var api = factory.CreateApi();
        var profile = new { configurationSlot = 1, csmsUrl = "ws://csms.example.com/ocpp/", messageTimeout = 30, securityProfile = 1, ocppInterface = "Wired0" };
        (await api.PostAsJsonAsync("/api/stations", new { id = "NP-16", securityProfile = 1, password = Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using (var cp16 = await RawOcppClient.ConnectAsync(factory.PlainOcppUri, "NP-16", OcppTestData.V16, Password))
        {
            await cp16.CallOkAsync("BootNotification", OcppTestData.Boot16());
            var v16 = await api.PostAsJsonAsync("/api/stations/NP-16/network-profiles", profile, Ct);
            v16.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await v16.Content.ReadAsStringAsync(Ct)).ShouldContain("SetNetworkProfile exists in OCPP 2.0.1 only.");
        }

        (await api.PostAsJsonAsync("/api/stations", new { id = "NP-OFF", securityProfile = 1, password = Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/stations/NP-OFF/network-profiles", profile, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await api.PostAsJsonAsync("/api/stations", new { id = "NP-NOPW", securityProfile = 0, allowUnsecured = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var noPassword = await api.PostAsJsonAsync("/api/stations/NP-NOPW/network-profiles", profile, Ct);
        noPassword.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noPassword.Content.ReadAsStringAsync(Ct)).ShouldContain("authenticates the station with its Basic-auth password, and it has none");

        (await api.PostAsJsonAsync("/api/stations/NO-SUCH/network-profiles", profile, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/stations/NO-SUCH/network-profiles", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var driverKey = await factory.ApiKeyForAsync(Data.DemoSeeder.DriverEmail);
        using var driver = new HttpClient { BaseAddress = api.BaseAddress };
        driver.DefaultRequestHeaders.Authorization = new("Bearer", driverKey);
        (await driver.PostAsJsonAsync("/api/stations/NP-OFF/network-profiles", profile, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await driver.GetAsync("/api/stations/NP-OFF/network-profiles", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var command = await api.PostAsJsonAsync("/api/stations/NP-OFF/commands/set-network-profile", profile, Ct);
        command.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await command.Content.ReadAsStringAsync(Ct)).ShouldContain("POST /api/stations/{id}/network-profiles");
    }

    [Fact]
    public void The_new_slot_goes_first_and_the_current_entries_stay_behind_it()
    {
        NetworkProfileService.NewPriority(2, "1").ShouldBe([2, 1]);
        NetworkProfileService.NewPriority(1, "0, 1,2").ShouldBe([1, 0, 2]);
        NetworkProfileService.NewPriority(3, null).ShouldBe([3]);
        NetworkProfileService.Refusal(2, 3, hasPassword: true, ChargePortal.Ocpp.OcppVersion.V201).ShouldNotBeNull();
        NetworkProfileService.Refusal(3, 3, hasPassword: false, ChargePortal.Ocpp.OcppVersion.V201).ShouldBeNull();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
