using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Roaming.RoamingApi;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>Tokens as receiver: partners push tokens, which then authorize at our 1.6 and 2.0.1 stations; unknown tokens are asked in real time.</summary>
public sealed class RoamingTokensTests(RoamingPortalFactory factory) : IClassFixture<RoamingPortalFactory>
{
    public static JsonObject Token(string party, string uid, bool valid = true, string whitelist = "ALLOWED") => new()
    {
        ["country_code"] = "NL",
        ["party_id"] = party,
        ["uid"] = uid,
        ["type"] = "RFID",
        ["contract_id"] = $"NL-{party}-C12345678-X",
        ["issuer"] = "Stand-in eMSP",
        ["valid"] = valid,
        ["whitelist"] = whitelist,
        ["last_updated"] = "2026-12-01T10:00:00Z",
    };

    private static async Task<string> Authorize16Async(RawOcppClient cp, string idTag) =>
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = idTag }))["idTagInfo"]!["status"]!.ToString();

    private static async Task<string> Authorize201Async(RawOcppClient cp, string idToken) =>
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = idToken, ["type"] = "ISO14443" } }))["idTokenInfo"]!["status"]!.ToString();

    [Fact]
    public async Task A_pushed_token_authorizes_at_a_16_and_a_201_station_and_a_patch_blocks_it()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ETA");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        const string url = "/ocpi/2.2.1/tokens/NL/ETA/04A1B2C3D4?type=RFID";
        ((int)(await OcpiAsync(client, HttpMethod.Put, url, Token("ETA", "04A1B2C3D4")))["status_code"]!).ShouldBe(1000);
        var stored = await OcpiAsync(client, HttpMethod.Get, url);
        stored["data"]!["contract_id"]!.ToString().ShouldBe("NL-ETA-C12345678-X");

        await using var v16 = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-03", V16);
        await v16.CallOkAsync("BootNotification", Boot16());
        await using var v201 = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-ZA-02", V201);
        await v201.CallOkAsync("BootNotification", Boot201());
        (await Authorize16Async(v16, "04A1B2C3D4")).ShouldBe("Accepted");
        (await Authorize201Async(v201, "04A1B2C3D4")).ShouldBe("Accepted");
        (await Authorize16Async(v16, "04a1b2c3d4")).ShouldBe("Accepted"); // readers print hex UIDs in either case

        var patched = await OcpiAsync(client, HttpMethod.Patch, url, new { valid = false, last_updated = "2026-12-02T10:00:00Z" });
        ((int)patched["status_code"]!).ShouldBe(1000);
        (await Authorize16Async(v16, "04A1B2C3D4")).ShouldBe("Blocked");
        (await Authorize201Async(v201, "04A1B2C3D4")).ShouldBe("Blocked");
    }

    [Fact]
    public async Task Invalid_token_objects_get_2001_and_change_nothing()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ETB");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        const string url = "/ocpi/2.2.1/tokens/NL/ETB/CARD-1";

        var missing = Token("ETB", "CARD-1");
        missing.Remove("contract_id");
        var noContract = await OcpiAsync(client, HttpMethod.Put, url, missing);
        ((int)noContract["status_code"]!).ShouldBe(2001);
        ((int)noContract["http_status"]!).ShouldBe(400);
        noContract["status_message"]!.ToString().ShouldContain("contract_id");

        ((int)(await OcpiAsync(client, HttpMethod.Put, url, Token("ETB", "CARD-2")))["status_code"]!).ShouldBe(2001); // uid differs from the URL
        ((int)(await OcpiAsync(client, HttpMethod.Put, "/ocpi/2.2.1/tokens/DE/XXX/CARD-1", Token("XXX", "CARD-1")))["status_code"]!).ShouldBe(2001); // not its party
        var badEnum = Token("ETB", "CARD-1");
        badEnum["whitelist"] = "SOMETIMES";
        ((int)(await OcpiAsync(client, HttpMethod.Put, url, badEnum))["status_code"]!).ShouldBe(2001);
        var longUid = Token("ETB", new string('A', 37));
        ((int)(await OcpiAsync(client, HttpMethod.Put, $"/ocpi/2.2.1/tokens/NL/ETB/{new string('A', 37)}", longUid))["status_code"]!).ShouldBe(2001);
        ((int)(await OcpiAsync(client, HttpMethod.Put, url + "?type=CARD", Token("ETB", "CARD-1")))["status_code"]!).ShouldBe(2001);

        var none = await OcpiAsync(client, HttpMethod.Get, url);
        ((int)none["http_status"]!).ShouldBe(404);
        ((int)none["status_code"]!).ShouldBe(2004);
        ((int)(await OcpiAsync(client, HttpMethod.Patch, url, new { valid = false, last_updated = "2026-12-02T10:00:00Z" }))["status_code"]!).ShouldBe(2004);

        ((int)(await OcpiAsync(client, HttpMethod.Put, url, Token("ETB", "CARD-1")))["status_code"]!).ShouldBe(1000);
        ((int)(await OcpiAsync(client, HttpMethod.Patch, url, new { valid = false }))["status_code"]!).ShouldBe(2001); // no last_updated
        ((int)(await OcpiAsync(client, HttpMethod.Patch, url, new { uid = "OTHER", last_updated = "2026-12-02T10:00:00Z" }))["status_code"]!).ShouldBe(2001);
        (await OcpiAsync(client, HttpMethod.Get, url))["data"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_token_is_authorized_in_real_time_at_the_emsp_within_the_station_timeout()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ETC");
        await using var _ = emsp;
        emsp.Authorize = uid => uid == "RT-CARD-1"
            ? new JsonObject { ["allowed"] = "ALLOWED", ["token"] = Token("ETC", "RT-CARD-1", whitelist: "NEVER"), ["authorization_reference"] = "auth-ref-1" }
            : uid == "RT-BLOCKED" ? new JsonObject { ["allowed"] = "BLOCKED", ["token"] = Token("ETC", "RT-BLOCKED", whitelist: "NEVER") } : null;

        await using var v16 = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-04", V16);
        await v16.CallOkAsync("BootNotification", Boot16());
        var started = DateTime.UtcNow;
        (await Authorize16Async(v16, "RT-CARD-1")).ShouldBe("Accepted");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        var ask = emsp.Received.Single(r => r.Method == "POST" && r.Path.StartsWith("/ocpi/emsp/2.2.1/tokens/RT-CARD-1/authorize", StringComparison.Ordinal));
        ask.Path.ShouldContain("type=RFID");
        (await Authorize16Async(v16, "RT-BLOCKED")).ShouldBe("Blocked");
        (await Authorize16Async(v16, "NOBODY-KNOWS")).ShouldBe("Invalid");

        // An eMSP that is down cannot authorize: the station is told Invalid, promptly.
        emsp.Down = true;
        started = DateTime.UtcNow;
        (await Authorize16Async(v16, "RT-CARD-2")).ShouldBe("Invalid");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
