using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Ocpp;

public sealed class HandshakeTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    [Theory]
    [InlineData(new[] { "ocpp2.0.1", "ocpp1.6" }, "ocpp2.0.1")]
    [InlineData(new[] { "ocpp1.6", "ocpp2.0.1" }, "ocpp1.6")]
    [InlineData(new[] { "ocpp2.1", "ocpp1.6" }, "ocpp1.6")]
    public async Task Picks_the_first_supported_subprotocol_in_the_clients_order(string[] offered, string expected)
    {
        await using var client = await RawOcppClient.ConnectAsync(factory.OcppUri, "HS-" + expected, offered);
        client.SubProtocol.ShouldBe(expected);
    }

    [Fact]
    public async Task No_supported_subprotocol_completes_the_handshake_then_closes()
    {
        await using var client = await RawOcppClient.ConnectAsync(factory.OcppUri, "HS-NONE", ["ocpp1.5"]);
        client.SubProtocol.ShouldBeNull();
        await client.WaitClosedAsync();
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.ProtocolError);
    }

    [Fact]
    public async Task Unknown_station_is_accepted_and_registered_in_development()
    {
        await using var client = await RawOcppClient.ConnectAsync(factory.OcppUri, "BRAND-NEW-1", OcppTestData.V16);
        (await client.CallOkAsync("BootNotification", OcppTestData.Boot16()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        var station = await factory.CreateApi().GetFromJsonAsync<System.Text.Json.JsonElement>("/api/stations/BRAND-NEW-1", TestContext.Current.CancellationToken);
        station.GetProperty("station").GetProperty("ocppVersion").GetString().ShouldBe("1.6");
        station.GetProperty("station").GetProperty("online").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Basic_auth_station_needs_its_password()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/stations", new { id = "AUTH-1", password = "correct-horse-1" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, "AUTH-1", "ocpp1.6")).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, "AUTH-1", "ocpp1.6", "wrong-password")).ShouldBe(HttpStatusCode.Unauthorized);

        await using var client = await RawOcppClient.ConnectAsync(factory.OcppUri, "AUTH-1", OcppTestData.V16, "correct-horse-1");
        (await client.CallOkAsync("Heartbeat", new System.Text.Json.Nodes.JsonObject())).ContainsKey("currentTime").ShouldBeTrue();
    }

    [Fact]
    public async Task A_second_connection_with_the_same_id_replaces_the_first()
    {
        await using var first = await RawOcppClient.ConnectAsync(factory.OcppUri, "DUP-1", OcppTestData.V16);
        await first.CallOkAsync("BootNotification", OcppTestData.Boot16());
        await using var second = await RawOcppClient.ConnectAsync(factory.OcppUri, "DUP-1", OcppTestData.V16);

        await first.WaitClosedAsync();
        first.State.ShouldNotBe(WebSocketState.Open);
        (await second.CallOkAsync("Heartbeat", new System.Text.Json.Nodes.JsonObject())).ContainsKey("currentTime").ShouldBeTrue();
    }

    [Fact]
    public async Task Plain_http_to_the_endpoint_is_400()
    {
        var response = await factory.CreateApi().GetAsync("/ocpp/AMS-CS-01", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public sealed class StrictRegistrationTests(StrictKestrelChargePortalFactory factory) : IClassFixture<StrictKestrelChargePortalFactory>
{
    [Fact]
    public async Task Unknown_station_is_refused_with_404_when_registration_is_required()
    {
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, "NOBODY-KNOWS-ME", "ocpp1.6")).ShouldBe(HttpStatusCode.NotFound);
        var stations = await factory.CreateApi().GetAsync("/api/stations/NOBODY-KNOWS-ME", TestContext.Current.CancellationToken);
        stations.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Registered_station_connects()
    {
        await using var client = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-03", OcppTestData.V201);
        (await client.CallOkAsync("BootNotification", OcppTestData.Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
    }
}
