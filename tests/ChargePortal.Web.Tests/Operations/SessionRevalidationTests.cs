using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Users;
using ChargePortal.Web.Data;
using ChargePortal.Web.Realtime;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Tests.Operations;

/// <summary>The host with a one-second revalidation interval, so "within seconds" is testable quickly.</summary>
public sealed class FastRevalidationFactory : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:RevalidationIntervalSeconds"] = "1",
        ["Ocpp:CallTimeoutSeconds"] = "10",
    };
}

public sealed class SessionRevalidationTests(FastRevalidationFactory factory) : IClassFixture<FastRevalidationFactory>
{
    private const string Password = "Revalidate-Me-1";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(8);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_change_rotates_the_stamp_and_a_call_that_changes_nothing_does_not()
    {
        var user = await CreateUserAsync(Roles.Operator);
        var admin = factory.Services.GetRequiredService<UserAdmin>();
        var adminId = await factory.UserIdAsync(DemoSeeder.AdminEmail);

        var before = await StampAsync(user.Id);
        (await admin.SetRolesAsync(user.Id, [Roles.Operator], adminId)).Done.ShouldBeTrue();
        (await StampAsync(user.Id)).ShouldBe(before);

        (await admin.SetRolesAsync(user.Id, [Roles.Driver], adminId)).Done.ShouldBeTrue();
        (await StampAsync(user.Id)).ShouldNotBe(before);
    }

    [Fact]
    public async Task An_open_circuit_is_signed_out_within_the_interval_after_its_user_loses_a_role()
    {
        var user = await CreateUserAsync(Roles.Operator);
        await using var scope = factory.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var signedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state =>
        {
            if ((await state).User.Identity?.IsAuthenticated != true)
            {
                signedOut.TrySetResult();
            }
        };
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));

        // Several revalidations pass while nothing changes: the circuit stays signed in.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        signedOut.Task.IsCompleted.ShouldBeFalse();

        var adminId = await factory.UserIdAsync(DemoSeeder.AdminEmail);
        (await factory.Services.GetRequiredService<UserAdmin>().SetRolesAsync(user.Id, [Roles.Driver], adminId)).Done.ShouldBeTrue();
        await signedOut.Task.WaitAsync(Within, Ct);
        (await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated.ShouldNotBe(true);
    }

    [Fact]
    public async Task A_cookie_stops_working_within_the_interval_after_a_role_change()
    {
        var user = await CreateUserAsync(Roles.Operator);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = factory.BaseUri };
        (await browser.SignInAsync(user.Email!, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/operator/stations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var adminId = await factory.UserIdAsync(DemoSeeder.AdminEmail);
        (await factory.Services.GetRequiredService<UserAdmin>().SetRolesAsync(user.Id, [Roles.Operator, Roles.Driver], adminId)).Done.ShouldBeTrue();
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);

        var after = await browser.GetAsync("/operator/stations", Ct);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task A_site_owner_removed_from_a_site_loses_their_hub_connection_within_seconds_and_others_keep_theirs()
    {
        var owner = await CreateUserAsync(Roles.SiteOwner);
        var sites = factory.Services.GetRequiredService<SiteAdmin>();
        var site = (await sites.ListAsync(Ct)).First(s => s.Name.Contains("Westerpark", StringComparison.Ordinal));
        (await sites.SaveAsync(site.Id, Edit(site, [.. site.OwnerEmails, owner.Email!]), Ct)).Saved.ShouldBeTrue();

        var ownerKey = (await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(owner.Id, "revalidation test", Ct)).Key;
        await using var ownerHub = await ConnectAsync(ownerKey);
        await ownerHub.InvokeAsync(nameof(LiveHub.JoinSite), site.Id, Ct);
        await using var operatorHub = await ConnectAsync(ChargePortalFactory.DevelopmentApiKey);
        var ownerClosed = Closed(ownerHub);
        var operatorClosed = Closed(operatorHub);

        // Revalidation passes with nothing changed leave both open.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        ownerClosed.IsCompleted.ShouldBeFalse();

        (await sites.SaveAsync(site.Id, Edit(site, site.OwnerEmails), Ct)).Saved.ShouldBeTrue();
        await ownerClosed.WaitAsync(Within, Ct);
        operatorClosed.IsCompleted.ShouldBeFalse();
        operatorHub.State.ShouldBe(HubConnectionState.Connected);

        // Reconnecting, the owner is authorised afresh: the site is no longer theirs to follow.
        await using var again = await ConnectAsync(ownerKey);
        var refused = await Should.ThrowAsync<HubException>(() => again.InvokeAsync(nameof(LiveHub.JoinSite), site.Id, Ct));
        refused.Message.ShouldContain($"You may not follow site {site.Id}");
    }

    private static SiteEdit Edit(SiteListItem site, IReadOnlyList<string> owners) =>
        new(site.Name, site.Address, site.City, site.CountryCode, site.Latitude, site.Longitude, site.TimeZoneId, site.MaxPowerW, owners);

    private static Task Closed(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private async Task<HubConnection> ConnectAsync(string key)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.BaseUri, LiveHub.Path.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .Build();
        await hub.StartAsync(Ct);
        return hub;
    }

    private async Task<ApplicationUser> CreateUserAsync(string role)
    {
        _ = factory.BaseUri;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"revalidate-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync(Ct);
    }
}
