using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Users;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Security;

/// <summary>Bad sign-ins are throttled (429) rather than turned into a lock-out of the operator's integrations.</summary>
public sealed class SignInThrottleTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sixth_bad_sign_in_within_a_minute_is_429_and_the_operators_api_key_still_works()
    {
        var browser = factory.CreateBrowserLikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var bad = await browser.SignInAsync(DemoSeeder.OperatorEmail, "not-the-password-" + attempt);
            bad.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"attempt {attempt}");
        }

        var sixth = await browser.SignInAsync(DemoSeeder.OperatorEmail, "not-the-password-6");
        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sixth.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await sixth.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many attempts");

        // Even the right password waits: the throttle answers before the password is checked.
        (await browser.SignInAsync(DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // Identity has locked the operator's interactive sign-in, but their integrations keep running.
        (await IsLockedOutAsync(DemoSeeder.OperatorEmail)).ShouldBeTrue();
        var api = await factory.CreateApiClient(ChargePortalFactory.DevelopmentApiKey).GetAsync("/api/stations", Ct);
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admins_lock_stops_the_users_api_keys()
    {
        var email = "locked-by-admin@example.com";
        _ = factory.Server;
        string userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, "Operator-Pass-1")).Succeeded.ShouldBeTrue();
            await users.AddToRoleAsync(user, Roles.Operator);
            userId = user.Id;
        }

        var key = (await factory.Services.GetRequiredService<ChargePortal.Web.Accounts.ApiKeys.ApiKeyService>().CreateAsync(userId, "integration", Ct)).Key;
        (await factory.CreateApiClient(key).GetAsync("/api/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var adminId = await factory.UserIdAsync(DemoSeeder.AdminEmail);
        (await factory.Services.GetRequiredService<UserAdmin>().SetLockedAsync(userId, locked: true, adminId)).Done.ShouldBeTrue();
        (await factory.CreateApiClient(key).GetAsync("/api/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await factory.Services.GetRequiredService<UserAdmin>().SetLockedAsync(userId, locked: false, adminId)).Done.ShouldBeTrue();
        (await factory.CreateApiClient(key).GetAsync("/api/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Throttling_one_account_leaves_other_accounts_signing_in()
    {
        var browser = factory.CreateBrowserLikeClient();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await browser.SignInAsync(DemoSeeder.DriverEmail, "wrong-password");
        }

        (await browser.SignInAsync(DemoSeeder.DriverEmail, "wrong-password")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await factory.CreateBrowserLikeClient().SignInAsync(DemoSeeder.OwnerEmail, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private async Task<bool> IsLockedOutAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }
}
