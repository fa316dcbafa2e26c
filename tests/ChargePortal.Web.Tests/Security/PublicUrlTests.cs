using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChargePortal.Web.Tests.Security;

/// <summary>Links the app mails use Hosting:PublicBaseUrl, never the Host header a request came with.</summary>
public sealed class PublicUrlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reset_link_uses_the_configured_public_url_whatever_the_Host_header()
    {
        await using var factory = new ProductionChargePortalFactory();
        await factory.CreateUserAsync("reset-me@example.com", "Old-Password-1", Roles.Driver);
        var client = ClientFor(factory, "attacker.example");

        var sent = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "reset-me@example.com" });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = MailTo(factory, "reset-me@example.com");
        mail.ShouldContain(ProductionChargePortalFactory.PublicBaseUrl + "Account/ResetPassword?code=");
        mail.ShouldNotContain("attacker.example");
    }

    [Fact]
    public async Task A_confirmation_link_uses_the_configured_public_url_whatever_the_Host_header()
    {
        await using var factory = new ProductionChargePortalFactory();
        var client = ClientFor(factory, "attacker.example");
        var response = await client.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = "new-driver@example.com",
            ["Input.Password"] = "Valid-Pass-123",
            ["Input.ConfirmPassword"] = "Valid-Pass-123",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = MailTo(factory, "new-driver@example.com");
        mail.ShouldContain(ProductionChargePortalFactory.PublicBaseUrl + "Account/ConfirmEmail?userId=");
        mail.ShouldNotContain("attacker.example");
    }

    [Fact]
    public async Task In_production_without_a_public_url_no_reset_link_is_mailed_and_the_log_says_why()
    {
        await using var factory = new NoPublicUrlFactory();
        await factory.CreateUserAsync("nolink@example.com", "Old-Password-1", Roles.Driver);
        factory.Logs.Text.ShouldContain("Hosting:PublicBaseUrl is not set", Case.Sensitive);

        var sent = await ClientFor(factory, "attacker.example").SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "nolink@example.com" });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect); // the same answer as ever: nothing reveals the account
        Directory.Exists(factory.MailDirectory).ShouldBeFalse(); // no mail at all, so none with attacker.example
        factory.Logs.Text.ShouldContain("link was mailed: set Hosting:PublicBaseUrl", Case.Sensitive);
    }

    [Fact]
    public async Task Without_a_public_url_a_host_named_by_AllowedHosts_is_used_and_others_are_refused()
    {
        await using var factory = new AllowedHostsFactory();
        await factory.CreateUserAsync("allowed@example.com", "Old-Password-1", Roles.Driver);

        (await ClientFor(factory, "attacker.example").GetAsync("/Account/ForgotPassword", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var sent = await ClientFor(factory, "portal.example.org").SubmitFormAsync("/Account/ForgotPassword", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = "allowed@example.com" });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        MailTo(factory, "allowed@example.com").ShouldContain("://portal.example.org/Account/ResetPassword?code=");
    }

    private static HttpClient ClientFor(ChargePortalFactory factory, string host) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri($"http://{host}/") });

    /// <summary>The link in the one mail sent to <paramref name="email"/>, and the mail's whole text after it.</summary>
    private static string MailTo(ChargePortalFactory factory, string email)
    {
        var mail = Directory.GetFiles(factory.MailDirectory, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        return WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(mail, "href=\"([^\"]+)\"").Groups[1].Value) + "\n" + mail;
    }

    private sealed class NoPublicUrlFactory : ProductionChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:Provider"] = "Simulated" };
    }

    private sealed class AllowedHostsFactory : ProductionChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Payments:Provider"] = "Simulated",
            ["AllowedHosts"] = "portal.example.org",
        };
    }
}
