using System.Net;
using System.Text.RegularExpressions;
using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Tests.Security;

public sealed partial class SecurityHeadersTests(ProductionChargePortalFactory factory) : IClassFixture<ProductionChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/find")]
    public async Task A_page_carries_the_security_headers_and_its_inline_script_the_policys_nonce(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var headers = response.Headers;
        headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");

        var csp = headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-eval");
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scriptSrc.ShouldNotContain("unsafe-inline");
        scriptSrc.ShouldNotContain("http"); // no CDN

        // Every inline script on the page (the import map) carries this response's nonce; every other script is this origin's.
        var nonce = Nonce().Match(csp).Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        var page = await response.Content.ReadAsStringAsync(Ct);
        var scripts = ScriptTag().Matches(page).Select(m => m.Value).ToList();
        scripts.ShouldNotBeEmpty();
        scripts.Where(s => !s.Contains("src=", StringComparison.Ordinal)).ShouldAllBe(s => s.Contains($"nonce=\"{nonce}\""));
        scripts.Where(s => s.Contains("src=", StringComparison.Ordinal)).ShouldAllBe(s => !s.Contains("//", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_response_gets_its_own_nonce()
    {
        var client = factory.CreateClient();
        var first = (await client.GetAsync("/Account/Login", Ct)).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/Account/Login", Ct)).Headers.GetValues("Content-Security-Policy").Single();
        Nonce().Match(first).Groups[1].Value.ShouldNotBe(Nonce().Match(second).Groups[1].Value);
    }

    [Fact]
    public async Task Api_answers_carry_them_too()
    {
        var response = await factory.CreateClient().GetAsync("/api/stations", Ct);
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", " https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png", " https://*.tile.example.org:8443")]
    [InlineData("/img/tile.png", "")]
    public void Map_tiles_are_allowed_from_the_configured_tile_server_only(string tileUrl, string source) =>
        SecurityHeaders.TileSource(tileUrl).ShouldBe(source);

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
