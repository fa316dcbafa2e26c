using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;

namespace ChargePortal.E2E.Tests;

public sealed class SiteOwnerJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    [Fact]
    public async Task Site_owner_dashboard_shows_only_their_own_sites()
    {
        var session = await OpenSessionAsync(Viewports.Desktop());
        var page = session.Page;

        await session.SignInAsync(OwnerEmail, RepositoryRoot.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await session.WaitForInteractiveAsync();

        // Centraal (4 stations) and Zuidas (3); Westerpark belongs to someone else.
        await Expect(page.Locator("[data-testid=kpi-stations]")).ToHaveTextAsync("7");
        await Expect(page.Locator("[data-testid=station-tile]")).ToHaveCountAsync(7);
        await Expect(page.GetByText("Westerpark")).ToHaveCountAsync(0);
        await session.FinishAsync("owner-dashboard-desktop");
    }
}
