using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Simulator;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>Every CSMS→station command of the HTTP API, against the simulator, in both versions.</summary>
public sealed class EveryCommandTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly string[] LocalList = ["DEMO-DRIVER-CARD", "DEMO-BLOCKED"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Every_command_reaches_the_station_and_returns_its_answer(OcppVersion version)
    {
        var id = version == OcppVersion.V16 ? "EVERY-16" : "EVERY-201";
        await using var station = new SimulatedChargePoint(new SimulatedChargePointOptions
        {
            Id = id,
            Version = version,
            CsmsUrl = factory.OcppUri,
            MeterValueInterval = TimeSpan.FromSeconds(1),
        });
        await station.StartAsync(Ct);
        await station.WaitUntilReadyAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var api = factory.CreateApi();
        var v16 = version == OcppVersion.V16;

        async Task<JsonElement> Send(string command, object body, string expectedStatus = "Accepted")
        {
            var response = await api.PostAsJsonAsync($"/api/stations/{id}/commands/{command}", body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{command}: {text}");
            var answer = JsonDocument.Parse(text).RootElement;
            answer.GetProperty("status").GetString().ShouldBe(expectedStatus, $"{command}: {text}");
            return answer;
        }

        // Remote start really starts a session; remote stop really stops it.
        await Send("remote-start", new { idTag = "DEMO-DRIVER-CARD", connectorId = 1 });
        var active = await OcppTestData.EventuallyAsync(() => OcppTestData.TransactionsAsync(factory, id), t => t.Any(x => x.GetProperty("status").GetString() == "Active"));
        var transactionId = active.Single(x => x.GetProperty("status").GetString() == "Active").GetProperty("transactionId").GetString()!;
        await Send("remote-stop", new { transactionId });
        var stopped = await OcppTestData.EventuallyAsync(() => OcppTestData.TransactionsAsync(factory, id), t => t.All(x => x.GetProperty("status").GetString() == "Completed"));
        stopped.ShouldAllBe(x => x.GetProperty("status").GetString() == "Completed");

        var heartbeatKey = v16 ? "HeartbeatInterval" : "OCPPCommCtrlr.HeartbeatInterval";
        await Send("set-configuration", new { key = heartbeatKey, value = "120" });
        var configuration = await Send("get-configuration", new { keys = new[] { heartbeatKey } });
        configuration.GetProperty("configuration")[0].GetProperty("value").GetString().ShouldBe("120");

        await Send("unlock", new { connectorId = 2 }, "Unlocked");
        await Send("change-availability", new { connectorId = 0, operative = true });
        await Send("trigger-message", new { message = "StatusNotification", connectorId = 1 });
        await Send("reserve-now", new { connectorId = 2, idTag = "DEMO-DRIVER-CARD", expiresAt = DateTimeOffset.UtcNow.AddHours(1), reservationId = 7 });
        await Send("cancel-reservation", new { reservationId = 7 });
        object profile = v16
            ? new { chargingProfileId = 11, stackLevel = 0, chargingProfilePurpose = "TxDefaultProfile", chargingProfileKind = "Absolute", chargingSchedule = new { chargingRateUnit = "W", chargingSchedulePeriod = new[] { new { startPeriod = 0, limit = 11000 } } } }
            : new { id = 11, stackLevel = 0, chargingProfilePurpose = "TxDefaultProfile", chargingProfileKind = "Absolute", chargingSchedule = new[] { new { id = 1, chargingRateUnit = "W", chargingSchedulePeriod = new[] { new { startPeriod = 0, limit = 11000 } } } } };
        await Send("set-charging-profile", new { connectorId = 1, profile });
        await Send("get-composite-schedule", new { connectorId = 1, durationSeconds = 3600, unit = "W" });
        await Send("clear-charging-profile", new { profileId = 11 });
        await Send("update-firmware", new { location = "https://firmware.example.com/fw-2.bin", retrieveAt = DateTimeOffset.UtcNow, retries = 1 });
        await Send("get-diagnostics", new { from = DateTimeOffset.UtcNow.AddDays(-1), to = DateTimeOffset.UtcNow });
        await Send("send-local-list", new { updateType = "Full", tokens = LocalList });
        (await Send("get-local-list-version", new { })).GetProperty("listVersion").GetInt32().ShouldBe(1);
        await Send("clear-cache", new { });
        await Send("data-transfer", new { vendorId = "com.example", messageId = "ping", data = "hello" });
        await Send("reset", new { type = "Soft" });

        // The simulator uploaded its diagnostics file to the CSMS's own upload slot.
        var uploaded = await OcppTestData.EventuallyAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
            return db.DiagnosticsUploads.Count(u => u.StationId == id && u.ReceivedAt != null);
        }, n => n > 0);
        uploaded.ShouldBe(1);
        station.LastCommand.ShouldNotBeNull();
    }
}
