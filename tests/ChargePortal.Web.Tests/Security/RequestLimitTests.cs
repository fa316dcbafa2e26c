using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Tests.Security;

/// <summary>The request limits of RateLimits:*, lowered so a test reaches them: 429 with Retry-After, and nothing done.</summary>
public sealed class RequestLimitTests(RequestLimitTests.LowLimitsFactory factory) : IClassFixture<RequestLimitTests.LowLimitsFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_is_limited_per_key_and_one_keys_limit_leaves_another_key_alone()
    {
        var first = await NewOperatorKeyAsync();
        var second = await NewOperatorKeyAsync();
        for (var i = 0; i < 3; i++)
        {
            (await factory.CreateApiClient(first).GetAsync("/api/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await factory.CreateApiClient(first).GetAsync("/api/stations", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        (await factory.CreateApiClient(second).GetAsync("/api/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Registration_is_limited_per_address_and_the_refused_post_creates_no_account()
    {
        var client = Browser();
        for (var i = 1; i <= 2; i++)
        {
            (await RegisterAsync(client, $"reg{i}@example.com")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var refused = await RegisterAsync(client, "reg3@example.com");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByEmailAsync("reg3@example.com")).ShouldBeNull();
    }

    [Fact]
    public async Task Reset_mails_are_limited_per_address_typed()
    {
        var client = Browser();
        (await ForgotAsync(client, DemoSeeder.DriverEmail)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await ForgotAsync(client, DemoSeeder.DriverEmail);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await ForgotAsync(client, "someone-else@example.com")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Directory.GetFiles(factory.MailDirectory, "*.eml").Count(f => File.ReadAllText(f).Contains(DemoSeeder.DriverEmail, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task The_stripe_webhook_is_limited_per_address()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            (await PostWebhookAsync(client, "{}")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        (await PostWebhookAsync(client, "{}")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Wrong_station_passwords_are_backed_off_before_the_password_is_checked()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/stations", new { id = "LIMIT-1", password = "right-password-1" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/stations", new { id = "LIMIT-2", password = "right-password-2" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        for (var i = 0; i < 2; i++)
        {
            (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, "LIMIT-1", "ocpp1.6", "wrong-password")).ShouldBe(HttpStatusCode.Unauthorized);
        }

        // Refused before the hash: even the right password waits out the window.
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, "LIMIT-1", "ocpp1.6", "right-password-1")).ShouldBe(HttpStatusCode.TooManyRequests);

        // Another station from the same address still connects.
        await using var other = await RawOcppClient.ConnectAsync(factory.OcppUri, "LIMIT-2", OcppTestData.V16, "right-password-2");
        (await other.CallOkAsync("BootNotification", OcppTestData.Boot16())).ContainsKey("status").ShouldBeTrue();
    }

    /// <summary>A browser-like client of the Kestrel host (started first: its address is known only then).</summary>
    private HttpClient Browser() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = factory.BaseUri };

    private async Task<string> NewOperatorKeyAsync() =>
        (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(await factory.UserIdAsync(DemoSeeder.OperatorEmail), "limit test", Ct)).Key;

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email) =>
        client.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Valid-Pass-123",
            ["Input.ConfirmPassword"] = "Valid-Pass-123",
        });

    private static Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email) =>
        client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> PostWebhookAsync(HttpClient client, string body) =>
        client.PostAsync("/stripe/webhook", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

    public sealed class LowLimitsFactory : KestrelChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:ApiPerKey:PermitLimit"] = "3",
            ["RateLimits:RegistrationPerIp:PermitLimit"] = "2",
            ["RateLimits:PasswordResetPerAccount:PermitLimit"] = "1",
            ["RateLimits:StripeWebhookPerIp:PermitLimit"] = "2",
            ["RateLimits:OcppHandshakeFailuresPerStation:PermitLimit"] = "2",
            ["Ocpp:CallTimeoutSeconds"] = "10",
        };
    }
}

public sealed class StripeWebhookBodyLimitTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_it_is_read()
    {
        var body = "{\"id\":\"evt_big\",\"pad\":\"" + new string('x', 300 * 1024) + "\"}";
        var response = await factory.CreateClient().PostAsync("/stripe/webhook", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_within_the_limit_reaches_the_signature_check()
    {
        var response = await factory.CreateClient().PostAsync("/stripe/webhook", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no webhook secret configured: rejected, not 413
    }
}
