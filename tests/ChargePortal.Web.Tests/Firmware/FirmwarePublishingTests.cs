using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Operators.Firmware;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Firmware;

/// <summary>PublishFirmware / UnpublishFirmware and PublishFirmwareStatusNotification (L03/L04) of a 2.0.1 local controller, on real sockets.</summary>
public sealed class FirmwarePublishingTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string Checksum = "0123456789abcdef0123456789ABCDEF";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_publication_and_its_statuses_with_the_served_locations_are_on_the_firmware_timeline()
    {
        await using var cp = await BootAsync("LC-1");
        var firmware = factory.Services.GetRequiredService<FirmwareService>();

        var publishing = firmware.PublishAsync("LC-1", new FirmwarePublication("https://files.example.com/fw-3.bin", Checksum, 2, 30), new CommandActor("operator", null), Ct);
        var call = await cp.ExpectCallAsync("PublishFirmware");
        var payload = call[3]!;
        ((string)payload["location"]!).ShouldBe("https://files.example.com/fw-3.bin");
        ((string)payload["checksum"]!).ShouldBe(Checksum);
        ((int)payload["retries"]!).ShouldBe(2);
        ((int)payload["retryInterval"]!).ShouldBe(30);
        var requestId = (int)payload["requestId"]!;
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var result = await publishing;
        result.Error.ShouldBeNull();

        await cp.CallOkAsync("PublishFirmwareStatusNotification", new JsonObject { ["status"] = "Downloading", ["requestId"] = requestId });
        await cp.CallOkAsync("PublishFirmwareStatusNotification", new JsonObject
        {
            ["status"] = "Published", ["requestId"] = requestId, ["location"] = new JsonArray("http://lc.local/fw-3.bin", "ftp://lc.local/fw-3.bin"),
        });

        var list = await factory.CreateApi().GetFromJsonAsync<JsonElement>("/api/stations/LC-1/firmware", Ct);
        var publication = list.EnumerateArray().Single();
        publication.GetProperty("kind").GetString().ShouldBe("Publish");
        publication.GetProperty("requestId").GetInt32().ShouldBe(requestId);
        publication.GetProperty("checksum").GetString().ShouldBe(Checksum);
        publication.GetProperty("answer").GetString().ShouldBe("Accepted");
        var timeline = publication.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("status").GetString()).ShouldBe(["Downloading", "Published"]);
        timeline[1].GetProperty("detail").GetString().ShouldBe("http://lc.local/fw-3.bin ftp://lc.local/fw-3.bin");
    }

    [Fact]
    public async Task The_commands_send_the_calls_and_give_the_stations_answers()
    {
        await using var cp = await BootAsync("LC-2");
        var api = factory.CreateApi();

        var publish = api.PostAsJsonAsync("/api/stations/LC-2/commands/publish-firmware", new { location = "https://files.example.com/fw-4.bin", checksum = Checksum }, Ct);
        var call = await cp.ExpectCallAsync("PublishFirmware");
        call[3]!["retries"].ShouldBeNull();
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Rejected" });
        var answer = await ReadAsync(await publish);
        answer.GetProperty("status").GetString().ShouldBe("Rejected");
        answer.GetProperty("requestId").GetInt32().ShouldBe((int)call[3]!["requestId"]!);

        var unpublish = api.PostAsJsonAsync("/api/stations/LC-2/commands/unpublish-firmware", new { checksum = Checksum }, Ct);
        var unpublishCall = await cp.ExpectCallAsync("UnpublishFirmware");
        ((string)unpublishCall[3]!["checksum"]!).ShouldBe(Checksum);
        await cp.RespondAsync(unpublishCall, new JsonObject { ["status"] = "Unpublished" });
        (await ReadAsync(await unpublish)).GetProperty("status").GetString().ShouldBe("Unpublished");

        var again = api.PostAsJsonAsync("/api/stations/LC-2/commands/unpublish-firmware", new { checksum = Checksum }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("UnpublishFirmware"), new JsonObject { ["status"] = "NoFirmware" });
        (await ReadAsync(await again)).GetProperty("status").GetString().ShouldBe("NoFirmware");

        // A status for a publication sent by hand (no record yet) starts one; a schema-invalid one is refused and not stored.
        await cp.CallOkAsync("PublishFirmwareStatusNotification", new JsonObject { ["status"] = "InvalidChecksum", ["requestId"] = 77 });
        var bad = await cp.CallAsync("PublishFirmwareStatusNotification", new JsonObject { ["status"] = "Done", ["requestId"] = 77 });
        ((int)bad[0]!).ShouldBe(4);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/stations/LC-2/firmware", Ct);
        var own = list.EnumerateArray().Single(f => f.GetProperty("requestId").ValueKind == JsonValueKind.Number && f.GetProperty("requestId").GetInt32() == 77);
        own.GetProperty("requestedBy").GetString().ShouldBe("station");
        own.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ShouldBe(["InvalidChecksum"]);
    }

    [Theory]
    [InlineData("publish-firmware", """{"location":"https://files.example.com/fw.bin","checksum":"abc"}""", "checksum must be the image")]
    [InlineData("publish-firmware", """{"location":"fw.bin","checksum":"0123456789abcdef0123456789abcdef"}""", "location must be an absolute URL")]
    [InlineData("publish-firmware", """{"checksum":"0123456789abcdef0123456789abcdef"}""", "location is required.")]
    [InlineData("unpublish-firmware", "{}", "checksum is required.")]
    public async Task Bad_bodies_are_400_and_nothing_is_sent(string command, string body, string message)
    {
        await using var cp = await BootAsync("LC-BAD");
        var response = await factory.CreateApi().PostAsync($"/api/stations/LC-BAD/commands/{command}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(JsonSerializer.Serialize(message)[1..^1]);
    }

    [Fact]
    public async Task A_16_station_unknown_station_and_a_driver_are_refused()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "LC-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var api = factory.CreateApi();

        var v16 = await api.PostAsJsonAsync("/api/stations/LC-16/commands/publish-firmware", new { location = "https://files.example.com/fw.bin", checksum = Checksum }, Ct);
        v16.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await v16.Content.ReadAsStringAsync(Ct)).ShouldContain("PublishFirmware and UnpublishFirmware exist in OCPP 2.0.1 only");
        var result = await factory.Services.GetRequiredService<FirmwareService>()
            .PublishAsync("LC-16", new FirmwarePublication("https://files.example.com/fw.bin", Checksum, null, null), new CommandActor("operator", null), Ct);
        result.Error.ShouldNotBeNull().ShouldContain("PublishFirmware and UnpublishFirmware exist in OCPP 2.0.1 only");
        (await api.GetFromJsonAsync<JsonElement>("/api/stations/LC-16/firmware", Ct)).GetArrayLength().ShouldBe(0);

        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.GetAsync("/api/stations/NO-SUCH/firmware", Ct), HttpStatusCode.NotFound, "NO-SUCH");
        (await api.PostAsJsonAsync("/api/stations/NO-SUCH/commands/unpublish-firmware", new { checksum = Checksum }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var driverKey = await factory.ApiKeyForAsync(Data.DemoSeeder.DriverEmail);
        (await factory.CreateApi(driverKey).GetAsync("/api/stations/LC-16/firmware", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.CreateApi(driverKey).PostAsJsonAsync("/api/stations/LC-16/commands/unpublish-firmware", new { checksum = Checksum }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
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
}
