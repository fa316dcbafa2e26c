using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Foundation;

public sealed class IdentityAndPageAuthorizationTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_with_the_right_password_sets_the_auth_cookie_and_redirects()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.SignInAsync(DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("ChargePortal.Auth=", StringComparison.Ordinal));

        var page = await client.GetAsync("/operator/stations", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_password_says_so_and_sets_no_cookie()
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.SignInAsync(DemoSeeder.OwnerEmail, "not-the-password");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Invalid email or password.");
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBe(cookies?.Any(c => c.StartsWith("ChargePortal.Auth=", StringComparison.Ordinal)) == true);
        (await client.GetAsync("/dashboard", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Invalid_email_is_rejected_by_validation()
    {
        var response = await factory.CreateBrowserLikeClient().SignInAsync("not-an-email", "whatever1");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Enter a valid email address.");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_throttle_the_next_attempt()
    {
        var email = "lockme@example.com";
        await CreateUserAsync(email, "Right-Password-1", Roles.Driver);
        var client = factory.CreateBrowserLikeClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.SignInAsync(email, "Wrong-Password-1");
        }

        // The fifth failure locks interactive sign-in (Identity's lock-out)...
        last!.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        last.Headers.Location!.ToString().ShouldContain("Account/Lockout");

        // ...and within the minute even the right password is refused before it is checked.
        var response = await client.SignInAsync(email, "Right-Password-1");
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Anonymous_staff_page_redirects_to_login()
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync("/operator/stations", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login?ReturnUrl=%2Foperator%2Fstations");
    }

    [Theory]
    [InlineData(DemoSeeder.DriverEmail, "/operator/stations", false)]
    [InlineData(DemoSeeder.DriverEmail, "/dashboard", false)]
    [InlineData(DemoSeeder.DriverEmail, "/operator/api-keys", false)]
    [InlineData(DemoSeeder.OwnerEmail, "/operator/stations", false)]
    [InlineData(DemoSeeder.OwnerEmail, "/dashboard", true)]
    [InlineData(DemoSeeder.OperatorEmail, "/dashboard", true)]
    [InlineData(DemoSeeder.OperatorEmail, "/operator/api-keys", true)]
    [InlineData(DemoSeeder.AdminEmail, "/operator/stations", true)]
    public async Task Pages_enforce_roles(string email, string path, bool allowed)
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync(path, Ct);
        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        }
    }

    [Fact]
    public async Task Registration_creates_a_driver_sends_a_confirmation_mail_and_requires_confirmation()
    {
        var client = factory.CreateBrowserLikeClient();
        var email = "new.driver@example.com";
        var response = await client.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Driver",
            ["Input.Email"] = email,
            ["Input.Password"] = "Valid-Pass-123",
            ["Input.ConfirmPassword"] = "Valid-Pass-123",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("RegisterConfirmation");

        var mail = Directory.GetFiles(factory.MailDirectory, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal));
        mail.ShouldContain("Account/ConfirmEmail?userId=");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(email);
            user.ShouldNotBeNull();
            (await users.GetRolesAsync(user)).ShouldBe([Roles.Driver]);
            user.EmailConfirmed.ShouldBeFalse();
        }

        var beforeConfirm = await client.SignInAsync(email, "Valid-Pass-123");
        (await beforeConfirm.Content.ReadAsStringAsync(Ct)).ShouldContain("confirm your email address first");

        var link = System.Text.RegularExpressions.Regex.Match(mail, "href=\"([^\"]+)\"").Groups[1].Value;
        var confirm = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(link)).PathAndQuery, Ct);
        confirm.ShouldContain("your email address is confirmed");

        (await client.SignInAsync(email, "Valid-Pass-123")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Duplicate_registration_is_refused_and_creates_nothing()
    {
        var response = await factory.CreateBrowserLikeClient().SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = DemoSeeder.DriverEmail,
            ["Input.Password"] = "Valid-Pass-123",
            ["Input.ConfirmPassword"] = "Valid-Pass-123",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("already exists");
    }

    [Fact]
    public async Task Mismatched_passwords_are_refused()
    {
        var response = await factory.CreateBrowserLikeClient().SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = "mismatch@example.com",
            ["Input.Password"] = "Valid-Pass-123",
            ["Input.ConfirmPassword"] = "Other-Pass-123",
        });
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("The two passwords do not match.");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("mismatch@example.com")).ShouldBeNull();
    }

    [Fact]
    public async Task Forgot_password_sends_a_reset_link_that_sets_a_new_password()
    {
        var email = "forgetful@example.com";
        await CreateUserAsync(email, "Old-Password-1", Roles.Driver);
        var client = factory.CreateBrowserLikeClient();

        var sent = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        sent.Headers.Location!.ToString().ShouldContain("ForgotPasswordConfirmation");

        var mail = Directory.GetFiles(factory.MailDirectory, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.Ordinal) && m.Contains("Reset", StringComparison.Ordinal));
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(mail, "href=\"([^\"]+)\"").Groups[1].Value);
        var path = new Uri(link).PathAndQuery;
        var code = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["code"]!;

        var reset = await client.SubmitFormAsync(path, "reset-password", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Email"] = email,
            ["Input.Password"] = "New-Password-2",
            ["Input.ConfirmPassword"] = "New-Password-2",
        });
        (await reset.Content.ReadAsStringAsync(Ct)).ShouldContain("Your password has been reset.");
        (await client.SignInAsync(email, "New-Password-2")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private async Task CreateUserAsync(string email, string password, string role)
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(user, role);
    }
}
