using ChargePortal.E2E.Tests.Infrastructure;

namespace ChargePortal.E2E.Tests;

public sealed class AnonymousJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    [Fact]
    public async Task Visitor_on_a_phone_sees_the_landing_call_to_action()
    {
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;

        await page.GotoAsync("/");
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=cta-find]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=cta-find]")).ToHaveAttributeAsync("href", "/find");
        await Expect(page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        await session.FinishAsync("anonymous-landing-phone");
    }

    [Fact]
    public async Task Unknown_url_shows_the_friendly_not_found_page()
    {
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;

        var response = await page.GotoAsync("/no/such/page-e2e");

        response.ShouldNotBeNull().Status.ShouldBe(404);
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync();
        await session.FinishAsync("anonymous-not-found-phone");
    }
}
