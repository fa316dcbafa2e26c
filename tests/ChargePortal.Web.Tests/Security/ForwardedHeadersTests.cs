using System.Net;
using System.Text.RegularExpressions;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Security;

/// <summary>Behind a TLS-terminating proxy listed in Hosting:ForwardedHeaders, cookies are Secure; from anyone else the header is ignored.</summary>
public sealed partial class ForwardedHeadersTests
{
    [Fact]
    public async Task Behind_a_known_proxy_that_terminated_tls_the_sign_in_cookie_is_secure()
    {
        await using var factory = new ProxyFactory("127.0.0.1");
        (await SignInCookieAsync(factory, forwardedProto: "https")).ShouldContain("secure", Case.Insensitive);
        (await SignInCookieAsync(factory, forwardedProto: null)).ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task The_forwarded_scheme_of_an_unknown_proxy_is_ignored()
    {
        await using var factory = new ProxyFactory("10.9.8.7");
        (await SignInCookieAsync(factory, forwardedProto: "https")).ShouldNotContain("secure", Case.Insensitive);
    }

    /// <summary>Signs the demo operator in through the "proxy" (headers set by hand) and returns the auth cookie's Set-Cookie line.</summary>
    private static async Task<string> SignInCookieAsync(KestrelChargePortalFactory factory, string? forwardedProto)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.BaseUri };
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        Forward(get, forwardedProto);
        var page = await client.SendAsync(get, TestContext.Current.CancellationToken);
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = WebUtility.HtmlDecode(Antiforgery().Match(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = DemoSeeder.OperatorEmail,
                ["Input.Password"] = ChargePortalFactory.DemoPassword,
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
            }),
        };
        post.Headers.Add("Cookie", cookies);
        Forward(post, forwardedProto);
        var response = await client.SendAsync(post, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ChargePortal.Auth=", StringComparison.Ordinal));
    }

    private static void Forward(HttpRequestMessage request, string? proto)
    {
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private sealed class ProxyFactory(string proxy) : KestrelChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Hosting:ForwardedHeaders:Enabled"] = "true",
            ["Hosting:ForwardedHeaders:KnownProxies:0"] = proxy,
        };
    }
}
