using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.MessageLog;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Security;

/// <summary>Station passwords sent with set-configuration reach the station, but the audit and message logs keep "***(length)".</summary>
public sealed class StationSecretMaskingTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("MASK-16", "ocpp1.6", "AuthorizationKey", "ChangeConfiguration")]
    [InlineData("MASK-201", "ocpp2.0.1", "SecurityCtrlr.BasicAuthPassword", "SetVariables")]
    public async Task A_station_password_set_by_command_is_masked_in_the_audit_and_message_logs(string stationId, string subprotocol, string key, string action)
    {
        const string secret = "S3cret-station-passw0rd";
        await using var station = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, [subprotocol]);
        await station.CallOkAsync("BootNotification", subprotocol == "ocpp1.6" ? OcppTestData.Boot16() : OcppTestData.Boot201());

        var command = factory.CreateApi().PostAsJsonAsync($"/api/stations/{stationId}/commands/set-configuration", new { key, value = secret }, Ct);
        var call = await station.ExpectCallAsync(action);
        call.ToJsonString().ShouldContain(secret); // the station itself gets the real value
        await station.RespondAsync(call, subprotocol == "ocpp1.6"
            ? new JsonObject { ["status"] = "Accepted" }
            : new JsonObject
            {
                ["setVariableResult"] = new JsonArray(new JsonObject
                {
                    ["attributeStatus"] = "Accepted",
                    ["component"] = new JsonObject { ["name"] = "SecurityCtrlr" },
                    ["variable"] = new JsonObject { ["name"] = "BasicAuthPassword" },
                }),
            });
        (await command).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.Where(a => a.StationId == stationId && a.Action == "set-configuration").SingleAsync(Ct);
        audit.Details.ShouldNotBeNull().ShouldNotContain(secret);
        audit.Details.ShouldContain($"***({secret.Length})");

        var logged = await WaitForLoggedCallAsync(stationId, action);
        logged.ShouldNotContain(secret);
        logged.ShouldContain($"***({secret.Length})");
    }

    [Fact]
    public void Other_configuration_values_are_kept_as_they_are()
    {
        const string frame = """[2,"1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"120"}]""";
        StationSecretMask.MaskJson(frame).ShouldBeSameAs(frame);
        StationSecretMask.MaskJson("""{"key":"AuthorizationKey","value":"0011223344"}""").ShouldBe("""{"key":"AuthorizationKey","value":"***(10)"}""");
        StationSecretMask.MaskJson("""{"id":"CP-1","password":"hunter22"}""").ShouldBe("""{"id":"CP-1","password":"***(8)"}""");
        StationSecretMask.MaskJson("not json with password").ShouldBe("not json with password");
    }

    private async Task<string> WaitForLoggedCallAsync(string stationId, string action)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
            var payload = await db.OcppMessageLog.Where(m => m.StationId == stationId && m.Action == action).Select(m => m.Payload).FirstOrDefaultAsync(Ct);
            if (payload is not null || DateTime.UtcNow > deadline)
            {
                return payload.ShouldNotBeNull();
            }

            await Task.Delay(50, Ct);
        }
    }
}
