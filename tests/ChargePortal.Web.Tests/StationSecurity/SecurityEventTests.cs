using System.Net;
using System.Net.Http.Json;
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
/// SecurityEventNotification (1.6 Security Whitepaper, 2.0.1 A04) is answered and stored; an unanswered one is
/// resent by the station forever. The whitepaper's other station messages are answered, not NotSupported.
/// </summary>
public sealed class SecurityEventTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("SEC-EV-16", "ocpp1.6")]
    [InlineData("SEC-EV-201", "ocpp2.0.1")]
    public async Task A_security_event_is_answered_stored_and_listed(string stationId, string subprotocol)
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, [subprotocol]);
        await cp.CallOkAsync("BootNotification", subprotocol == "ocpp1.6" ? OcppTestData.Boot16() : OcppTestData.Boot201());

        var at = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero);
        var answer = await cp.CallOkAsync("SecurityEventNotification", new JsonObject
        {
            ["type"] = "InvalidCentralSystemCertificate",
            ["timestamp"] = OcppTestData.Iso(at),
            ["techInfo"] = "chain does not end in the installed root",
        });
        answer.Count.ShouldBe(0);
        await cp.CallOkAsync("SecurityEventNotification", new JsonObject { ["type"] = "StartupOfTheDevice", ["timestamp"] = OcppTestData.Iso(at.AddMinutes(1)) });

        var listed = await factory.CreateApi().GetFromJsonAsync<JsonElement>($"/api/stations/{stationId}/security-events", Ct);
        listed.GetArrayLength().ShouldBe(2);
        listed[0].GetProperty("type").GetString().ShouldBe("StartupOfTheDevice");
        listed[1].GetProperty("type").GetString().ShouldBe("InvalidCentralSystemCertificate");
        listed[1].GetProperty("techInfo").GetString().ShouldBe("chain does not end in the installed root");
        listed[1].GetProperty("timestamp").GetDateTimeOffset().ShouldBe(at);

        var window = await factory.CreateApi().GetFromJsonAsync<JsonElement>(
            $"/api/stations/{stationId}/security-events?from={Uri.EscapeDataString(OcppTestData.Iso(at.AddSeconds(30)))}", Ct);
        window.GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("SEC-AL-16", "ocpp1.6")]
    [InlineData("SEC-AL-201", "ocpp2.0.1")]
    public async Task A_security_event_that_needs_a_look_raises_an_alert_in_either_version(string stationId, string subprotocol)
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, [subprotocol]);
        await cp.CallOkAsync("BootNotification", subprotocol == "ocpp1.6" ? OcppTestData.Boot16() : OcppTestData.Boot201());
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await cp.CallOkAsync("SecurityEventNotification", new JsonObject { ["type"] = "TamperDetectionActivated", ["timestamp"] = OcppTestData.Iso(at), ["techInfo"] = "door opened" });
        await cp.CallOkAsync("SecurityEventNotification", new JsonObject { ["type"] = "StartupOfTheDevice", ["timestamp"] = OcppTestData.Iso(at.AddMinutes(1)) });

        var alerts = await factory.CreateApi().GetFromJsonAsync<JsonElement>($"/api/alerts?stationId={stationId}&open=true", Ct);
        var alert = alerts.EnumerateArray().ShouldHaveSingleItem(); // the startup is recorded, not alerted
        alert.GetProperty("kind").GetString().ShouldBe("SecurityEvent");
        alert.GetProperty("message").GetString().ShouldBe("Security event: TamperDetectionActivated (door opened)");

        // Both are kept as station events too.
        var events = await factory.CreateApi().GetFromJsonAsync<JsonElement>($"/api/stations/{stationId}/events", Ct);
        events.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Security").ShouldBe(2);
    }

    [Fact]
    public async Task A_malformed_security_event_gets_the_spec_error_and_nothing_is_stored()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "SEC-EV-BAD", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());

        var answer = await cp.CallAsync("SecurityEventNotification", new JsonObject { ["type"] = new string('x', 51), ["timestamp"] = "2026-12-01T08:30:00Z" });
        answer[0]!.GetValue<int>().ShouldBe(4);
        answer[2]!.GetValue<string>().ShouldBe("PropertyConstraintViolation");

        var missing = await cp.CallAsync("SecurityEventNotification", new JsonObject { ["type"] = "StartupOfTheDevice" });
        missing[2]!.GetValue<string>().ShouldBe("OccurenceConstraintViolation"); // 1.6 spells it with one r

        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().SecurityEvents.CountAsync(e => e.StationId == "SEC-EV-BAD", Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_whitepapers_status_notifications_are_answered()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "SEC-WP-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());

        (await cp.CallOkAsync("LogStatusNotification", new JsonObject { ["status"] = "Uploaded", ["requestId"] = 4 })).Count.ShouldBe(0);
        (await cp.CallOkAsync("SignedFirmwareStatusNotification", new JsonObject { ["status"] = "SignatureVerified", ["requestId"] = 5 })).Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_whitepapers_csms_messages_go_out_through_the_raw_call_path()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "SEC-RAW-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var api = factory.CreateApi();

        var pending = api.PostAsJsonAsync("/api/stations/SEC-RAW-16/ocpp/ExtendedTriggerMessage", new { requestedMessage = "SignChargePointCertificate" }, Ct);
        var call = await cp.ExpectCallAsync("ExtendedTriggerMessage");
        call[3]!["requestedMessage"]!.GetValue<string>().ShouldBe("SignChargePointCertificate");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var response = await pending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("response").GetProperty("status").GetString().ShouldBe("Accepted");

        var wrong = await api.PostAsJsonAsync("/api/stations/SEC-RAW-16/ocpp/GetInstalledCertificateIds", new { certificateType = "V2GRootCertificate" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(wrong, HttpStatusCode.BadRequest, "$.certificateType");
    }

    [Fact]
    public async Task Security_events_of_an_unknown_station_are_404()
    {
        var response = await factory.CreateApi().GetAsync("/api/stations/NOBODY-HERE/security-events", Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "NOBODY-HERE");
    }
}
