using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Drivers;

/// <summary>
/// /sessions/{id} and its receipt, rendered by the real host: the driver who owns the session and staff see it;
/// anyone else, site owners included (they have /dashboard/sessions), is told it does not exist, with no data in the page.
/// </summary>
public sealed class SessionPageAccessTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>, IAsyncLifetime
{
    private const string OtherDriverEmail = "other.driver@example.test";
    private const string OtherDriverPassword = "Other!Driver2026";

    // Figures no page shows unless it shows this session.
    private const string SecretStation = "AMS-CS-02";
    private const string SecretEnergy = "12.345 kWh";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private long _driverActive;
    private long _driverCompleted;
    private long _otherCompleted;
    private DateTimeOffset _driverCompletedStart;

    public async ValueTask InitializeAsync()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var other = await users.FindByEmailAsync(OtherDriverEmail);
        if (other is null)
        {
            other = new ApplicationUser { UserName = OtherDriverEmail, Email = OtherDriverEmail, EmailConfirmed = true };
            (await users.CreateAsync(other, OtherDriverPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(other, Roles.Driver)).Succeeded.ShouldBeTrue();
        }

        var driver = (await users.FindByEmailAsync(DemoSeeder.DriverEmail))!;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var now = DateTimeOffset.UtcNow;
        var active = Session("AMS-CS-01", driver.Id, now.AddMinutes(-20), 4_000, completed: false);
        var completed = Session("AMS-CS-03", driver.Id, now.AddHours(-5), 10_000, completed: true);
        // The other driver's session is at owner@'s Centraal site, so the site-owner rule is tested on the owner's own ground.
        var others = Session(SecretStation, other.Id, now.AddHours(-3), 12_345, completed: true);
        db.Transactions.AddRange(active, completed, others);
        await db.SaveChangesAsync(Ct);
        (_driverActive, _driverCompleted, _otherCompleted) = (active.Id, completed.Id, others.Id);
        _driverCompletedStart = completed.StartedAt;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ChargingTransaction Session(string stationId, string userId, DateTimeOffset startedAt, long wh, bool completed) => new()
    {
        StationId = stationId,
        EvseId = 1,
        ConnectorId = 1,
        OcppTransactionId = Guid.NewGuid().ToString("N")[..12],
        IdTag = "PAGE-TEST",
        UserId = userId,
        StartedAt = startedAt,
        StoppedAt = completed ? startedAt.AddMinutes(40) : null,
        EnergyWh = wh,
        Status = completed ? TransactionStatus.Completed : TransactionStatus.Active,
        Cost = completed ? decimal.Round(wh / 1000m * 0.39m, 2) : null,
        Currency = completed ? "EUR" : null,
    };

    private async Task<HttpClient> SignedInAsync(string email, string password = "")
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync(email, password.Length > 0 ? password : ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)); // "€" and "·" arrive as entities
    }

    [Fact]
    public async Task The_owning_driver_sees_the_live_session_with_stop_and_the_receipt_of_a_finished_one()
    {
        var client = await SignedInAsync(DemoSeeder.DriverEmail);

        var live = await PageAsync(client, $"/sessions/{_driverActive}");
        live.ShouldContain("data-testid=\"live-session\"");
        live.ShouldContain("AMS-CS-01 · connector 1");
        live.ShouldContain("4.000 kWh");
        live.ShouldContain("data-testid=\"stop-charging\"");
        live.ShouldNotContain("data-testid=\"view-receipt\"");

        var receipt = await PageAsync(client, $"/sessions/{_driverCompleted}/receipt");
        receipt.ShouldContain("data-testid=\"receipt\"");
        receipt.ShouldContain("€3.90");

        (await PageAsync(client, $"/sessions/{_driverActive}/receipt")).ShouldContain("The receipt is ready when the session has ended.");
    }

    [Fact]
    public async Task An_unknown_session_is_a_clear_not_found()
    {
        var client = await SignedInAsync(DemoSeeder.DriverEmail);
        (await PageAsync(client, "/sessions/987654321")).ShouldContain("Session not found.");
        (await PageAsync(client, "/sessions/987654321/receipt")).ShouldContain("Session not found.");
        (await client.GetAsync("/sessions/not-a-number", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(DemoSeeder.DriverEmail)]
    [InlineData(DemoSeeder.OwnerEmail)]
    public async Task Another_drivers_session_is_not_shown_and_nothing_of_it_leaks(string email)
    {
        var client = await SignedInAsync(email);

        foreach (var path in new[] { $"/sessions/{_otherCompleted}", $"/sessions/{_otherCompleted}/receipt" })
        {
            var page = await PageAsync(client, path);
            page.ShouldContain("Session not found.", customMessage: path);
            page.ShouldNotContain(SecretStation, customMessage: path);
            page.ShouldNotContain(SecretEnergy, customMessage: path);
            page.ShouldNotContain("€4.81", customMessage: path);
            page.ShouldNotContain("data-testid=\"live-session\"", customMessage: path);
            page.ShouldNotContain("data-testid=\"receipt\"", customMessage: path);
        }

        (await PageAsync(client, "/sessions")).ShouldNotContain($"/sessions/{_otherCompleted}\"");
    }

    [Fact]
    public async Task The_history_lists_only_the_drivers_own_sessions()
    {
        var mine = await PageAsync(await SignedInAsync(DemoSeeder.DriverEmail), "/sessions");
        mine.ShouldContain($"/sessions/{_driverActive}\"");
        mine.ShouldContain($"/sessions/{_driverCompleted}\"");
        mine.ShouldNotContain($"/sessions/{_otherCompleted}\"");
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        mine.ShouldContain(TimeZoneInfo.ConvertTime(_driverCompletedStart, amsterdam).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            customMessage: "start times are shown in the site's time zone");
        mine.ShouldNotContain(" UTC<");

        var theirs = await PageAsync(await SignedInAsync(OtherDriverEmail, OtherDriverPassword), "/sessions");
        theirs.ShouldContain($"/sessions/{_otherCompleted}\"");
        theirs.ShouldNotContain($"/sessions/{_driverActive}\"");
        theirs.ShouldNotContain($"/sessions/{_driverCompleted}\"");
    }

    [Theory]
    [InlineData(DemoSeeder.OperatorEmail)]
    [InlineData(DemoSeeder.AdminEmail)]
    public async Task Staff_see_any_session_and_its_receipt_but_cannot_stop_a_drivers_session(string email)
    {
        var client = await SignedInAsync(email);

        var live = await PageAsync(client, $"/sessions/{_driverActive}");
        live.ShouldContain("data-testid=\"live-session\"");
        live.ShouldNotContain("data-testid=\"stop-charging\"", customMessage: "only the driver stops their own session from the app");

        var receipt = await PageAsync(client, $"/sessions/{_otherCompleted}/receipt");
        receipt.ShouldContain("data-testid=\"receipt\"");
        receipt.ShouldContain(SecretEnergy);
    }

    [Theory]
    [InlineData("/sessions")]
    [InlineData("/sessions/1")]
    [InlineData("/sessions/1/receipt")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.CreateBrowserLikeClient().GetAsync(path, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}
