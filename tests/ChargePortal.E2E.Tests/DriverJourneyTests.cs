using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;

namespace ChargePortal.E2E.Tests;

public sealed class DriverJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    [Fact]
    public async Task Driver_on_a_phone_signs_in_and_finds_stations()
    {
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;

        await session.SignInAsync(DriverEmail, RepositoryRoot.DemoPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/find$"));
        await session.WaitForInteractiveAsync();
        var cards = page.Locator("[data-testid=station-card]");
        await Expect(cards.Nth(7)).ToBeVisibleAsync();
        (await cards.CountAsync()).ShouldBeGreaterThanOrEqualTo(8);
        await Expect(cards.Filter(new() { HasText = "Centraal fast charger 1" })).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=bottom-nav]")).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the phone layout must not scroll sideways (scrollWidth vs innerWidth)");

        await session.FinishAsync("driver-find-phone");
    }

    [Fact]
    public async Task Driver_gets_access_denied_on_the_operator_station_table()
    {
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;
        await session.SignInAsync(DriverEmail, RepositoryRoot.DemoPassword);

        // In-app navigation: the interactive router's AuthorizeRouteView refuses the page.
        await Expect(page).ToHaveURLAsync(new Regex("/find$"));
        await session.WaitForInteractiveAsync();
        await page.EvaluateAsync("() => Blazor.navigateTo('/operator/stations')");
        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=stations-table]")).ToHaveCountAsync(0);
        await Expect(page.GetByText("AMS-WP-03")).ToHaveCountAsync(0);
        await session.SaveScreenshotAsync("driver-operator-stations-denied-in-app");

        // A full page load: the authorization middleware refuses it before Blazor runs.
        await page.GotoAsync("/operator/stations");
        await Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=stations-table]")).ToHaveCountAsync(0);
        await Expect(page.GetByText("AMS-WP-03")).ToHaveCountAsync(0);
        await session.FinishAsync("driver-operator-stations-denied");
    }
}
