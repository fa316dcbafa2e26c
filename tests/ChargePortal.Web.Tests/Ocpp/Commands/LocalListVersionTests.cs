using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Ocpp.Commands;

/// <summary>A local list version is sent once: a SendLocalList the station did not accept (or never answered) still uses up its number.</summary>
public sealed class LocalListVersionTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly string[] Tokens = ["DEMO-DRIVER-CARD"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1.6", "listVersion")]
    [InlineData("2.0.1", "versionNumber")]
    public async Task A_version_never_repeats_after_a_list_that_was_not_accepted(string version, string field)
    {
        var stationId = $"LIST-VERSION-{version}";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, version == "1.6" ? V16 : V201);
        await cp.CallOkAsync("BootNotification", version == "1.6" ? Boot16() : Boot201());
        var api = factory.CreateApi();

        async Task<int> SendAsync(Func<JsonArray, Task> answer, HttpStatusCode expected)
        {
            var sending = api.PostAsJsonAsync($"/api/stations/{stationId}/commands/send-local-list", new { updateType = "Full", tokens = Tokens }, Ct);
            var call = await cp.ExpectCallAsync("SendLocalList");
            await answer(call);
            (await sending).StatusCode.ShouldBe(expected);
            return call[3]![field]!.GetValue<int>();
        }

        var first = await SendAsync(call => cp.RespondErrorAsync(call, "InternalError", "flash write failed"), HttpStatusCode.BadGateway);
        var second = await SendAsync(call => cp.RespondAsync(call, new JsonObject { ["status"] = "Failed" }), HttpStatusCode.OK);
        var third = await SendAsync(call => cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" }), HttpStatusCode.OK);
        new[] { first, second, third }.ShouldBe([first, first + 1, first + 2]);
    }
}
