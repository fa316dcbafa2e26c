using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests;

/// <summary>A driver without a card taps Start charging, is sent to add one (test mode), comes back, and later removes it.</summary>
public sealed class PaymentCardJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    private const string Password = "E2e-Card-Passw0rd";

    /// <summary>A confirmed driver of this journey's own, so the demo driver's saved card stays as other journeys expect.</summary>
    private async Task<string> NewDriverAsync()
    {
        var email = $"e2e-card-{Guid.NewGuid():N}@example.test";
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Driver)).Succeeded.ShouldBeTrue();
        return email;
    }

    [Fact]
    public async Task Driver_without_a_card_adds_a_test_card_from_the_station_page_and_later_removes_it()
    {
        var email = await NewDriverAsync();
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;
        await session.SignInAsync(email, Password);

        await page.GotoAsync("/stations/AMS-CS-03");
        await session.WaitForInteractiveAsync();
        await page.Locator("[data-testid=start-charging-1]").ClickAsync();
        await Expect(page.Locator("[data-testid=start-charging-result]")).ToContainTextAsync("Add a payment card first");
        await page.Locator("[data-testid=add-payment-card]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/account/payment\?return=%2Fstations%2FAMS-CS-03$"));
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=payment-test-mode]")).ToContainTextAsync("Test mode — no real charge.");
        await Expect(page.Locator("[data-testid=no-payment-card]")).ToBeVisibleAsync();

        // A typo is named and nothing is saved.
        await page.Locator("[data-testid=card-number]").FillAsync("4242 4242 4242 4241");
        await page.Locator("[data-testid=card-expiry]").FillAsync("12/34");
        await page.Locator("[data-testid=card-cvc]").FillAsync("123");
        await page.Locator("[data-testid=save-card]").ClickAsync();
        await Expect(page.Locator("[data-testid=card-error]")).ToHaveTextAsync("This card number is not valid: check it for a typo.");
        await AssertNoSidewaysScrollAsync(page);
        await session.SaveScreenshotAsync("driver-add-card-phone");

        await page.Locator("[data-testid=card-number]").FillAsync("4242 4242 4242 4242");
        await page.Locator("[data-testid=save-card]").ClickAsync();
        await Expect(page.Locator("[data-testid=saved-card-label]")).ToHaveTextAsync("Visa •••• 4242");
        await Expect(page.Locator("[data-testid=saved-card-expiry]")).ToHaveTextAsync("Expires 12/34");
        await Expect(page.Locator("[data-testid=card-message]")).ToContainTextAsync("saved");

        // Back to the station: the button now names the card the hold goes on.
        await page.Locator("[data-testid=card-continue]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stations/AMS-CS-03$"));
        await Expect(page.Locator("[data-testid=charging-card]").First).ToHaveTextAsync("Hold on your Visa •••• 4242");

        // Account (bottom nav) → Payment card → Remove.
        await page.Locator("[data-testid=bottom-nav] a[href='/account']").ClickAsync();
        await page.Locator("[data-testid=payment-card]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/payment$"));
        await session.WaitForInteractiveAsync();
        await page.Locator("[data-testid=remove-card]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=card-message]")).ToHaveTextAsync("Card removed. Add a card before you charge again.");
        await Expect(page.Locator("[data-testid=no-payment-card]")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await session.FinishAsync("driver-payment-card-phone");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the phone layout must not scroll sideways (scrollWidth vs innerWidth)");
    }
}
