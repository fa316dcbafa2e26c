using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Ocpp;
using ChargePortal.Simulator;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Payments.Cards;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests;

/// <summary>
/// On a phone, a driver whose card asks for 3-D Secure starts charging: the app sends them to the bank's page (test
/// mode: the test bank), they confirm, come back, and the station starts; then they stop the session.
/// </summary>
public sealed class DriverBankConfirmationJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    // Used by no other journey. Stopped at the end, so the owner dashboard journey reads fixed figures.
    private const string StationId = "AMS-ZA-02";
    private const string Email = "sca-driver@chargeportal.local";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Driver_confirms_the_hold_with_the_bank_and_charging_starts_when_they_come_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await DriverWithBankCheckedCardAsync(ct);
        await using var station = new SimulatedChargePoint(new SimulatedChargePointOptions
        {
            Id = StationId,
            Version = OcppVersion.V16,
            CsmsUrl = new Uri($"ws://{App.BaseUrl.Authority}/ocpp/"),
            Connectors = [new(SimulatedConnectorType.Type2, 11_000)],
            MeterValueInterval = TimeSpan.FromSeconds(10),
            RandomSeed = 11,
        });
        await station.StartAsync(ct);
        await station.WaitUntilReadyAsync(ct);

        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;
        await session.SignInAsync(Email, RepositoryRoot.DemoPassword);
        await page.GotoAsync($"/stations/{StationId}");
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=station-online]")).ToHaveTextAsync("Online", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator("[data-testid=charging-card]").First).ToContainTextAsync("3155");

        // The bank asks for confirmation: the app leaves for the bank's page instead of refusing the card.
        await page.Locator("[data-testid=start-charging-1]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/payments/test-bank\?payment_intent=sim_"), new() { Timeout = (float)Patience.TotalMilliseconds });
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=test-bank-amount]")).ToContainTextAsync(StationId);
        await session.SaveScreenshotAsync("driver-bank-confirmation-phone");

        // Confirmed, the bank sends the driver back; the station is started and the session page opens.
        await page.Locator("[data-testid=test-bank-confirm]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/charging/confirmed\?payment_intent=sim_"), new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page).ToHaveURLAsync(new Regex(@"/sessions/\d+$"), new() { Timeout = (float)Patience.TotalMilliseconds });
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=session-state]")).ToHaveTextAsync("Charging", new() { Timeout = (float)Patience.TotalMilliseconds });

        await page.Locator("[data-testid=stop-charging]").ClickAsync();
        await Expect(page.Locator("[data-testid=session-state]")).ToHaveTextAsync("Completed", new() { Timeout = (float)Patience.TotalMilliseconds });
        await session.FinishAsync("driver-bank-confirmed-session-phone");
    }

    /// <summary>A driver of their own (the demo driver's card stays as other journeys expect) with Stripe's 3-D Secure test card.</summary>
    private async Task DriverWithBankCheckedCardAsync(CancellationToken ct)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(Email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Sam Strong-Auth", CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, RepositoryRoot.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Driver)).Succeeded.ShouldBeTrue();
        }

        var expiry = $"12/{(DateTime.UtcNow.Year + 2) % 100:00}";
        var saved = await App.Services.GetRequiredService<PaymentCards>().AddTestCardAsync(user.Id, new CardEntry("4000 0025 0000 3155", expiry, "123"), ct);
        saved.Ok.ShouldBeTrue(saved.Message);
    }
}
