using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static ChargePortal.Web.Tests.Roaming.RoamingApi;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>OCPI 2.2.1 versions and credentials: token A, the B/C exchange in both directions, update, unregister.</summary>
public sealed class RoamingCredentialsTests(RoamingPortalFactory factory) : IClassFixture<RoamingPortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Emsp_initiated_registration_exchanges_tokens_and_token_A_opens_only_registration()
    {
        await using var emsp = await StandInEmsp.StartAsync("EMA");
        var (id, tokenA, versionsUrl) = await CreatePartnerAsync(factory, "EMA");
        versionsUrl.ShouldBe(new Uri(factory.BaseUri, "ocpi/versions").AbsoluteUri);
        (await PartnerAsync(factory, id))["status"]!.ToString().ShouldBe("Pending");

        // Token A: versions and details work, with the request id echoed; a module does not.
        using var withA = StandInEmsp.CpoClient(factory.BaseUri, tokenA);
        using var versionsRequest = new HttpRequestMessage(HttpMethod.Get, versionsUrl);
        versionsRequest.Headers.Add("X-Request-ID", "req-1");
        versionsRequest.Headers.Add("X-Correlation-ID", "corr-1");
        using var versionsResponse = await withA.SendAsync(versionsRequest, Ct);
        versionsResponse.Headers.GetValues("X-Request-ID").ShouldBe(["req-1"]);
        versionsResponse.Headers.GetValues("X-Correlation-ID").ShouldBe(["corr-1"]);
        var versions = (await versionsResponse.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        ((int)versions["status_code"]!).ShouldBe(1000);
        versions["timestamp"]!.ToString().ShouldEndWith("Z");
        versions["data"]![0]!["version"]!.ToString().ShouldBe("2.2.1");

        var details = await OcpiAsync(withA, HttpMethod.Get, "/ocpi/2.2.1");
        var endpoints = details["data"]!["endpoints"]!.AsArray().Select(e => $"{e!["identifier"]} {e["role"]}").ToList();
        endpoints.ShouldBe(["credentials SENDER", "locations SENDER", "sessions SENDER", "cdrs SENDER", "tariffs SENDER", "tokens RECEIVER", "commands RECEIVER"], ignoreOrder: true);
        var early = await OcpiAsync(withA, HttpMethod.Get, "/ocpi/2.2.1/locations");
        ((int)early["http_status"]!).ShouldBe(401);
        ((int)early["status_code"]!).ShouldBe(2000);

        // The eMSP registers: we read its endpoints with its token B and answer with token C.
        var registered = await emsp.RegisterWithCpoAsync(versionsUrl, tokenA);
        ((int)registered["status_code"]!).ShouldBe(1000, registered.ToJsonString());
        var ours = registered["data"]!.AsObject();
        ours["url"]!.ToString().ShouldBe(versionsUrl);
        ours["roles"]![0]!["role"]!.ToString().ShouldBe("CPO");
        ours["roles"]![0]!["party_id"]!.ToString().ShouldBe("CPO");
        var tokenC = emsp.TokenForCpo!;
        tokenC.ShouldNotBe(tokenA);

        var partner = await PartnerAsync(factory, id);
        partner["status"]!.ToString().ShouldBe("Registered");
        partner["endpoints"]!.AsArray().ShouldContain(e => e!["identifier"]!.ToString() == "sessions" && e["role"]!.ToString() == "RECEIVER");

        // Token A is spent; token C works base64-encoded (2.2.1) and plain (2.1.1 style); an unknown token is 401.
        ((int)(await OcpiAsync(withA, HttpMethod.Get, "/ocpi/versions"))["http_status"]!).ShouldBe(401);
        using var withC = StandInEmsp.CpoClient(factory.BaseUri, tokenC);
        ((int)(await OcpiAsync(withC, HttpMethod.Get, "/ocpi/2.2.1/locations"))["status_code"]!).ShouldBe(1000);
        using var plainC = StandInEmsp.CpoClient(factory.BaseUri, tokenC, plain: true);
        ((int)(await OcpiAsync(plainC, HttpMethod.Get, "/ocpi/2.2.1/locations"))["status_code"]!).ShouldBe(1000);
        using var stranger = StandInEmsp.CpoClient(factory.BaseUri, "not-a-token");
        var refused = await OcpiAsync(stranger, HttpMethod.Get, "/ocpi/versions");
        ((int)refused["http_status"]!).ShouldBe(401);
        ((int)refused["status_code"]!).ShouldBe(2000);

        // GET credentials shows the caller's own; a second POST is 405.
        var credentials = await OcpiAsync(withC, HttpMethod.Get, "/ocpi/2.2.1/credentials");
        credentials["data"]!["token"]!.ToString().ShouldBe(tokenC);
        var again = await emsp.RegisterWithCpoAsync(versionsUrl, tokenA, currentToken: tokenC);
        ((int)again["http_status"]!).ShouldBe(405);

        // Update (PUT): a new token replaces C.
        var updated = await emsp.RegisterWithCpoAsync(versionsUrl, tokenA, HttpMethod.Put, currentToken: tokenC);
        ((int)updated["status_code"]!).ShouldBe(1000, updated.ToJsonString());
        var newToken = emsp.TokenForCpo!;
        newToken.ShouldNotBe(tokenC);
        ((int)(await OcpiAsync(withC, HttpMethod.Get, "/ocpi/2.2.1/locations"))["http_status"]!).ShouldBe(401);

        // Unregister (DELETE): the token stops working and the partner shows unregistered.
        using var withNew = StandInEmsp.CpoClient(factory.BaseUri, newToken);
        ((int)(await OcpiAsync(withNew, HttpMethod.Delete, "/ocpi/2.2.1/credentials"))["status_code"]!).ShouldBe(1000);
        ((int)(await OcpiAsync(withNew, HttpMethod.Get, "/ocpi/versions"))["http_status"]!).ShouldBe(401);
        (await PartnerAsync(factory, id))["status"]!.ToString().ShouldBe("Unregistered");
    }

    [Fact]
    public async Task Cpo_initiated_registration_posts_our_credentials_and_keeps_the_token_the_emsp_returns()
    {
        await using var emsp = await StandInEmsp.StartAsync("EMB");
        var (id, _, _) = await CreatePartnerAsync(factory, "EMB");
        var tokenAFromEmsp = emsp.IssueToken();

        using var api = factory.CreateApi();
        var response = await api.PostAsJsonAsync($"/api/roaming/partners/{id}/register", new { versionsUrl = emsp.VersionsUrl, token = tokenAFromEmsp }, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        var partner = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        partner["status"]!.ToString().ShouldBe("Registered");

        // Our POST carried token B and our versions URL, sent with token A base64-encoded and our routing headers.
        var post = emsp.Received.Single(r => r.Method == "POST" && r.Path == "/ocpi/2.2.1/credentials");
        post.Token.ShouldBe(tokenAFromEmsp);
        post.Headers["OCPI-from-country-code"].ShouldBe("NL");
        post.Headers["OCPI-from-party-id"].ShouldBe("CPO");
        post.Headers.ShouldContainKey("X-Request-ID");
        post.Body!["url"]!.ToString().ShouldBe(new Uri(factory.BaseUri, "ocpi/versions").AbsoluteUri);

        // The eMSP calls us with token B; we call it with the token C it answered (checked on the next push).
        using var withB = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        ((int)(await OcpiAsync(withB, HttpMethod.Get, "/ocpi/2.2.1/tariffs"))["status_code"]!).ShouldBe(1000);

        // A second registration of the same partner is refused; unregistering tells the eMSP.
        var twice = await api.PostAsJsonAsync($"/api/roaming/partners/{id}/register", new { versionsUrl = emsp.VersionsUrl, token = tokenAFromEmsp }, Ct);
        twice.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        (await api.DeleteAsync($"/api/roaming/partners/{id}", Ct)).IsSuccessStatusCode.ShouldBeTrue();
        var delete = await emsp.WaitForAsync(r => r.Method == "DELETE" && r.Path == "/ocpi/2.2.1/credentials");
        delete.Token.ShouldNotBe(tokenAFromEmsp);
        ((int)(await OcpiAsync(withB, HttpMethod.Get, "/ocpi/versions"))["http_status"]!).ShouldBe(401);
    }

    [Fact]
    public async Task A_cpo_initiated_registration_with_a_wrong_token_reports_the_partner_error_and_changes_nothing()
    {
        await using var emsp = await StandInEmsp.StartAsync("EMC");
        var (id, _, _) = await CreatePartnerAsync(factory, "EMC");
        using var api = factory.CreateApi();
        var response = await api.PostAsJsonAsync($"/api/roaming/partners/{id}/register", new { versionsUrl = emsp.VersionsUrl, token = "wrong" }, Ct);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("3001");
        var partner = await PartnerAsync(factory, id);
        partner["status"]!.ToString().ShouldBe("Pending");
        partner["lastHandshakeError"]!.ToString().ShouldContain("401");
    }

    [Fact]
    public async Task Bad_registration_requests_get_specific_errors()
    {
        using var api = factory.CreateApi();
        var bad = await api.PostAsJsonAsync("/api/roaming/partners", new { name = "x", countryCode = "Netherlands", partyId = "E", role = "EMSP" }, Ct);
        bad.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        problem.ShouldContain("countryCode");
        problem.ShouldContain("partyId");

        // A credentials object without roles, or naming another party, is 2001 and registers nothing.
        await using var emsp = await StandInEmsp.StartAsync("EMD");
        var (id, tokenA, _) = await CreatePartnerAsync(factory, "EMD");
        using var withA = StandInEmsp.CpoClient(factory.BaseUri, tokenA);
        var noRoles = await OcpiAsync(withA, HttpMethod.Post, "/ocpi/2.2.1/credentials", new { token = "abc", url = emsp.VersionsUrl, roles = Array.Empty<object>() });
        ((int)noRoles["status_code"]!).ShouldBe(2001);
        noRoles["status_message"]!.ToString().ShouldContain("roles");
        var otherParty = await OcpiAsync(withA, HttpMethod.Post, "/ocpi/2.2.1/credentials", new
        {
            token = "abc",
            url = emsp.VersionsUrl,
            roles = new[] { new { role = "EMSP", party_id = "ZZZ", country_code = "DE", business_details = new { name = "Other" } } },
        });
        ((int)otherParty["status_code"]!).ShouldBe(2001);
        var notJson = await OcpiAsync(withA, HttpMethod.Post, "/ocpi/2.2.1/credentials", new { token = 5 });
        ((int)notJson["status_code"]!).ShouldBe(2001);
        (await PartnerAsync(factory, id))["status"]!.ToString().ShouldBe("Pending");

        // Routing headers naming another receiver are refused.
        using var routed = new HttpRequestMessage(HttpMethod.Get, "/ocpi/versions");
        routed.Headers.Add("OCPI-to-party-id", "XYZ");
        using var routedResponse = await withA.SendAsync(routed, Ct);
        ((int)(await routedResponse.Content.ReadFromJsonAsync<JsonObject>(Ct))!["status_code"]!).ShouldBe(2001);
    }
}
