using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.StationSecurity;

/// <summary>
/// A01 over real sockets: a new password for a connected station is sent to it (1.6 AuthorizationKey hex-encoded,
/// 2.0.1 SecurityCtrlr.BasicAuthPassword); once the station accepts, the old password is refused and the new one opens
/// the connection (A01.FR.03); a refusal keeps the old one (A01.FR.04). The password never reaches the logs.
/// </summary>
public sealed class PasswordRotationTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string OldPassword = "old-password-0123";
    private const string NewPassword = "new-password-4567";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_16_station_is_asked_with_its_hex_AuthorizationKey_and_then_only_the_new_password_works()
    {
        const string id = "ROT-16";
        await RegisterAsync(id);
        await using (var cp = await ConnectAsync(id, OcppTestData.V16, OldPassword))
        {
            var pending = factory.CreateApi().PatchAsJsonAsync($"/api/stations/{id}", new { password = NewPassword }, Ct);
            var call = await cp.ExpectCallAsync("ChangeConfiguration");
            call[3]!["key"]!.GetValue<string>().ShouldBe("AuthorizationKey");
            call[3]!["value"]!.GetValue<string>().ShouldBe(Convert.ToHexString(Encoding.UTF8.GetBytes(NewPassword)));
            await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });

            var answer = await ReadOkAsync(await pending);
            answer.GetProperty("passwordChange").GetProperty("sentToStation").GetBoolean().ShouldBeTrue();
            answer.GetProperty("passwordChange").GetProperty("stationStatus").GetString().ShouldBe("Accepted");
            answer.GetProperty("passwordChange").GetProperty("applied").GetBoolean().ShouldBeTrue();
            answer.GetProperty("securityProfile").GetInt32().ShouldBe(1);
            answer.GetProperty("password").ValueKind.ShouldBe(JsonValueKind.Null); // shown only when the CSMS generated it
        }

        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", OldPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", NewPassword)).ShouldBe(HttpStatusCode.SwitchingProtocols);

        // A 1.6 station that sends its AuthorizationKey as stored (the hex text) proves the same secret.
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", Convert.ToHexString(Encoding.UTF8.GetBytes(NewPassword)))).ShouldBe(HttpStatusCode.SwitchingProtocols);
        await ShouldNotBeLoggedAsync(id, NewPassword, Convert.ToHexString(Encoding.UTF8.GetBytes(NewPassword)));
    }

    [Fact]
    public async Task A_201_station_gets_a_generated_password_through_SetVariables_shown_once()
    {
        const string id = "ROT-201";
        await RegisterAsync(id);
        string generated;
        await using (var cp = await ConnectAsync(id, OcppTestData.V201, OldPassword))
        {
            var pending = factory.CreateApi().PatchAsJsonAsync($"/api/stations/{id}", new { password = (string?)null, generatePassword = true }, Ct);
            var call = await cp.ExpectCallAsync("SetVariables");
            var data = call[3]!["setVariableData"]![0]!;
            data["component"]!["name"]!.GetValue<string>().ShouldBe("SecurityCtrlr");
            data["variable"]!["name"]!.GetValue<string>().ShouldBe("BasicAuthPassword");
            var sent = data["attributeValue"]!.GetValue<string>();
            await cp.RespondAsync(call, new JsonObject
            {
                ["setVariableResult"] = new JsonArray(new JsonObject
                {
                    ["attributeStatus"] = "Accepted",
                    ["component"] = new JsonObject { ["name"] = "SecurityCtrlr" },
                    ["variable"] = new JsonObject { ["name"] = "BasicAuthPassword" },
                }),
            });

            var answer = await ReadOkAsync(await pending);
            generated = answer.GetProperty("password").GetString()!;
            generated.ShouldBe(sent);
            generated.Length.ShouldBeInRange(16, 40);
            generated.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c));
        }

        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp2.0.1", OldPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp2.0.1", generated)).ShouldBe(HttpStatusCode.SwitchingProtocols);
        var credentials = await factory.CreateApi().GetFromJsonAsync<JsonElement>($"/api/stations/{id}/credentials", Ct);
        credentials.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        credentials.TryGetProperty("password", out var shown).ShouldBeTrue();
        shown.ValueKind.ShouldBe(JsonValueKind.Null);
        await ShouldNotBeLoggedAsync(id, generated);
    }

    [Fact]
    public async Task A_station_that_rejects_the_password_keeps_its_old_one()
    {
        const string id = "ROT-REJ";
        await RegisterAsync(id);
        await using (var cp = await ConnectAsync(id, OcppTestData.V16, OldPassword))
        {
            var pending = factory.CreateApi().PatchAsJsonAsync($"/api/stations/{id}", new { password = NewPassword, securityProfile = 2 }, Ct);
            await cp.RespondAsync(await cp.ExpectCallAsync("ChangeConfiguration"), new JsonObject { ["status"] = "Rejected" });

            var answer = await ReadOkAsync(await pending);
            answer.GetProperty("passwordChange").GetProperty("stationStatus").GetString().ShouldBe("Rejected");
            answer.GetProperty("passwordChange").GetProperty("applied").GetBoolean().ShouldBeFalse();
            answer.GetProperty("securityProfile").GetInt32().ShouldBe(1);
        }

        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", OldPassword)).ShouldBe(HttpStatusCode.SwitchingProtocols);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", NewPassword)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Set_configuration_of_the_AuthorizationKey_updates_the_stored_password_when_accepted()
    {
        const string id = "ROT-SETCFG";
        await RegisterAsync(id);
        var key = Convert.ToHexString(Encoding.UTF8.GetBytes(NewPassword));
        await using (var cp = await ConnectAsync(id, OcppTestData.V16, OldPassword))
        {
            var pending = factory.CreateApi().PostAsJsonAsync($"/api/stations/{id}/commands/set-configuration", new { key = "AuthorizationKey", value = key }, Ct);
            await cp.RespondAsync(await cp.ExpectCallAsync("ChangeConfiguration"), new JsonObject { ["status"] = "Accepted" });
            (await pending).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", OldPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", NewPassword)).ShouldBe(HttpStatusCode.SwitchingProtocols);
        await ShouldNotBeLoggedAsync(id, key);
    }

    [Fact]
    public async Task A_raw_SetVariables_of_the_BasicAuthPassword_updates_the_stored_password_when_accepted()
    {
        const string id = "ROT-RAW201";
        await RegisterAsync(id);
        await using (var cp = await ConnectAsync(id, OcppTestData.V201, OldPassword))
        {
            var payload = JsonSerializer.SerializeToElement(new
            {
                setVariableData = new[] { new { attributeValue = NewPassword, component = new { name = "SecurityCtrlr" }, variable = new { name = "BasicAuthPassword" } } },
            });
            var pending = factory.CreateApi().PostAsJsonAsync($"/api/stations/{id}/ocpp/SetVariables", payload, Ct);
            await cp.RespondAsync(await cp.ExpectCallAsync("SetVariables"), new JsonObject
            {
                ["setVariableResult"] = new JsonArray(new JsonObject
                {
                    ["attributeStatus"] = "Accepted",
                    ["component"] = new JsonObject { ["name"] = "SecurityCtrlr" },
                    ["variable"] = new JsonObject { ["name"] = "BasicAuthPassword" },
                }),
            });
            (await pending).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp2.0.1", OldPassword)).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp2.0.1", NewPassword)).ShouldBe(HttpStatusCode.SwitchingProtocols);
        await ShouldNotBeLoggedAsync(id, NewPassword);
    }

    [Fact]
    public async Task An_offline_stations_new_password_is_stored_at_once()
    {
        const string id = "ROT-OFFLINE";
        await RegisterAsync(id);
        var answer = await ReadOkAsync(await factory.CreateApi().PatchAsJsonAsync($"/api/stations/{id}", new { password = NewPassword, securityProfile = 2 }, Ct));
        answer.GetProperty("passwordChange").GetProperty("sentToStation").GetBoolean().ShouldBeFalse();
        answer.GetProperty("passwordChange").GetProperty("applied").GetBoolean().ShouldBeTrue();
        answer.GetProperty("securityProfile").GetInt32().ShouldBe(2);

        // Profile 2 now: Basic auth over plain ws:// is refused even with the right password.
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", NewPassword)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"password": "short"}""", "16 to 40")]
    [InlineData("""{"password": "has spaces in it, sadly"}""", "passwordString")]
    [InlineData("""{"password": "new-password-4567", "generatePassword": true}""", "not both")]
    [InlineData("""{"securityProfile": 4}""", "0, 1, 2 or 3")]
    [InlineData("""{"securityProfile": 0, "password": "new-password-4567"}""", "takes no password")]
    [InlineData("""{}""", "is required")]
    public async Task Bad_changes_are_400_and_change_nothing(string body, string detail)
    {
        const string id = "ROT-BAD";
        await RegisterAsync(id, allowExisting: true);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await factory.CreateApi().PatchAsync($"/api/stations/{id}", content, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, detail);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, id, "ocpp1.6", OldPassword)).ShouldBe(HttpStatusCode.SwitchingProtocols);
    }

    [Fact]
    public async Task Profile_2_on_a_station_without_a_password_and_unknown_stations_are_refused()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/stations", new { id = "ROT-NOPW" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.PatchAsJsonAsync("/api/stations/ROT-NOPW", new { securityProfile = 2 }, Ct),
            HttpStatusCode.BadRequest, "needs a password");
        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.PatchAsJsonAsync("/api/stations/NOT-REGISTERED", new { securityProfile = 1, password = NewPassword }, Ct),
            HttpStatusCode.NotFound, "NOT-REGISTERED");
    }

    [Fact]
    public async Task Registration_takes_a_security_profile()
    {
        var api = factory.CreateApi();
        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.PostAsJsonAsync("/api/stations", new { id = "REG-P1-NOPW", securityProfile = 1 }, Ct),
            HttpStatusCode.BadRequest, "needs a password");
        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.PostAsJsonAsync("/api/stations", new { id = "REG-P0-PW", securityProfile = 0, password = OldPassword }, Ct),
            HttpStatusCode.BadRequest, "takes no password");
        (await api.PostAsJsonAsync("/api/stations", new { id = "REG-P2", securityProfile = 2, password = OldPassword }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.GetFromJsonAsync<JsonElement>("/api/stations/REG-P2/credentials", Ct)).GetProperty("securityProfile").GetInt32().ShouldBe(2);
        (await api.PostAsJsonAsync("/api/stations", new { id = "REG-P1", password = OldPassword }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.GetFromJsonAsync<JsonElement>("/api/stations/REG-P1/credentials", Ct)).GetProperty("securityProfile").GetInt32().ShouldBe(1);
    }

    private async Task RegisterAsync(string id, bool allowExisting = false)
    {
        var response = await factory.CreateApi().PostAsJsonAsync("/api/stations", new { id, password = OldPassword }, Ct);
        if (!(allowExisting && response.StatusCode == HttpStatusCode.Conflict))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    private async Task<RawOcppClient> ConnectAsync(string id, string[] subprotocols, string password)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, subprotocols, password);
        await cp.CallOkAsync("BootNotification", subprotocols[0] == "ocpp1.6" ? OcppTestData.Boot16() : OcppTestData.Boot201());
        return cp;
    }

    private static async Task<JsonElement> ReadOkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>A01.FR.09: neither the audit log nor the OCPP message log holds the password.</summary>
    private async Task ShouldNotBeLoggedAsync(string stationId, params string[] secrets)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditEntries.Where(a => a.StationId == stationId).Select(a => a.Details ?? "").ToListAsync(Ct);
        audit.ShouldNotBeEmpty();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<string> frames;
        do
        {
            // The message log is written in batches behind the socket.
            frames = await db.OcppMessageLog.Where(m => m.StationId == stationId && (m.Action == "ChangeConfiguration" || m.Action == "SetVariables"))
                .Select(m => m.Payload).ToListAsync(Ct);
            if (frames.Count > 0)
            {
                break;
            }

            await Task.Delay(200, Ct);
        }
        while (DateTime.UtcNow < deadline);

        frames.ShouldNotBeEmpty();
        foreach (var secret in secrets)
        {
            audit.ShouldAllBe(d => !d.Contains(secret, StringComparison.OrdinalIgnoreCase));
            frames.ShouldAllBe(f => !f.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
