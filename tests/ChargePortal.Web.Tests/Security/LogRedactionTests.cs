using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting.Logging;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Security;

/// <summary>A Production host logging at Information (the default): what its log lines may and may not hold.</summary>
public sealed class LogRedactionTests(LogRedactionTests.InformationLogFactory factory) : IClassFixture<LogRedactionTests.InformationLogFactory>
{
    private const string ApiKey = "cpk_SECRET_key_in_a_query_0123456789";
    private const string ResetCode = "RESETCODE_0123456789_secret";
    private const string ClientSecret = "pi_123_secret_CLIENTSECRET987";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_log_of_requests_with_an_access_token_and_a_reset_code_holds_neither()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.PostAsync($"/hubs/live/negotiate?negotiateVersion=1&access_token={ApiKey}", null, Ct);
        await client.GetAsync($"/Account/ResetPassword?code={ResetCode}", Ct);
        await client.GetAsync($"/charging/confirmed?payment_intent=pi_123&payment_intent_client_secret={ClientSecret}&redirect_status=succeeded", Ct);
        await client.PutAsync("/uploads/diagnostics/0123456789abcdef0123456789abcdef/diag.zip", new StringContent("x"), Ct);

        var log = factory.Logs.Text;
        log.ShouldContain("access_token=***"); // the requests were logged, with the secrets masked
        log.ShouldContain("code=***");
        log.ShouldContain("negotiateVersion=1"); // other parameters stay readable
        log.ShouldNotContain(ApiKey);
        log.ShouldNotContain(ResetCode);
        log.ShouldNotContain(ClientSecret);
        log.ShouldNotContain("0123456789abcdef0123456789abcdef");
    }

    [Fact]
    public async Task Sign_in_and_registration_log_masked_e_mail_addresses()
    {
        await factory.CreateUserAsync("masked.user@example.com", "Masked-Pass-1", Roles.Driver);
        var browser = factory.CreateBrowserLikeClient();
        (await browser.SignInAsync("masked.user@example.com", "Masked-Pass-1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.CreateBrowserLikeClient().SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = "fresh.driver@example.com",
            ["Input.Password"] = "Valid-Pass-123",
            ["Input.ConfirmPassword"] = "Valid-Pass-123",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var log = factory.Logs.Text;
        log.ShouldContain("m***@example.com");
        log.ShouldContain("f***@example.com");
        log.ShouldNotContain("masked.user@example.com");
        log.ShouldNotContain("fresh.driver@example.com");
    }

    [Theory]
    [InlineData("?access_token=abc&x=1", "?access_token=***&x=1")]
    [InlineData("/Account/ConfirmEmail?userId=42&code=xyz&returnUrl=%2F", "/Account/ConfirmEmail?userId=***&code=***&returnUrl=%2F")]
    [InlineData("https://h/account/payment/checkout-return?session_id=cs_1", "https://h/account/payment/checkout-return?session_id=***")]
    [InlineData("/uploads/diagnostics/abcdef/file.zip", "/uploads/diagnostics/***/file.zip")]
    [InlineData("/api/stations?skip=0&take=10", "/api/stations?skip=0&take=10")]
    public void Urls_lose_their_secret_values_only(string url, string expected) => LogRedaction.Url(url).ShouldBe(expected);

    [Theory]
    [InlineData("driver@chargeportal.local", "d***@chargeportal.local")]
    [InlineData("not-an-address", "***")]
    [InlineData("", "")]
    public void E_mail_addresses_keep_their_first_letter_and_domain(string email, string expected) => LogRedaction.Email(email).ShouldBe(expected);

    public sealed class InformationLogFactory : ProductionChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Payments:Provider"] = "Simulated",
            ["Hosting:PublicBaseUrl"] = PublicBaseUrl,
            ["Serilog:MinimumLevel:Default"] = "Information",
        };
    }
}
