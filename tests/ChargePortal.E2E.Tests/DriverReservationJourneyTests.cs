using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;

namespace ChargePortal.E2E.Tests;

public sealed class DriverReservationJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    [Fact]
    public async Task Anyone_on_a_phone_sees_the_map_with_markers_from_local_tiles_and_the_list_by_distance()
    {
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;

        await page.GotoAsync("/find");
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator(".leaflet-container")).ToBeVisibleAsync();
        var markers = page.Locator(".leaflet-marker-icon.station-marker");
        await Expect(markers.Nth(7)).ToBeAttachedAsync();
        (await markers.CountAsync()).ShouldBeGreaterThanOrEqualTo(8);

        // Tiles come from the app's own blank tile (the fixture's Map:TileUrl); nothing else is fetched.
        var tile = page.Locator("img.leaflet-tile").First;
        await Expect(tile).ToBeAttachedAsync();
        (await tile.GetAttributeAsync("src")).ShouldNotBeNull().ShouldContain("/img/blank-tile.png");

        var cards = page.Locator("[data-testid=station-card]");
        (await cards.CountAsync()).ShouldBeGreaterThanOrEqualTo(8);
        await Expect(cards.First.Locator("[data-testid=station-distance]")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? (m|km)$"));

        // Filters narrow the list: only stations with a CHAdeMO connector remain.
        await page.Locator("[data-testid=filter-type]").SelectOptionAsync("Chademo");
        await Expect(cards).ToHaveCountAsync(2);
        await page.Locator("[data-testid=filter-type]").SelectOptionAsync("");
        await Expect(cards.Nth(7)).ToBeVisibleAsync();

        await AssertNoSidewaysScrollAsync(page);
        await session.FinishAsync("driver-find-phone");
    }

    [Fact]
    public async Task Driver_opens_a_station_from_the_list_reserves_a_slot_and_sees_it_under_reservations()
    {
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;
        await session.SignInAsync(DriverEmail, RepositoryRoot.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/find$"));
        await session.WaitForInteractiveAsync();

        await page.Locator("[data-testid=station-card]").Filter(new() { HasText = "Westerpark entrance" }).Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stations/AMS-WP-01$"));
        await Expect(page.Locator("[data-testid=driver-station] h1")).ToHaveTextAsync("Westerpark entrance");
        await Expect(page.Locator("[data-testid=price]")).ToContainTextAsync("€0.39/kWh + €0.10/min after 2 h");
        await Expect(page.Locator("[data-testid=directions]")).ToHaveAttributeAsync("href", new Regex(@"^https://www\.openstreetmap\.org/directions\?to=52\.\d+,4\.\d+$"));
        await Expect(page.Locator("[data-testid=start-charging-slot]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=free-slots] .mud-chip").First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await session.SaveScreenshotAsync("driver-station-phone");

        await page.Locator("[data-testid=reserve]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/reservations/new\?station=AMS-WP-01$"));
        await session.WaitForInteractiveAsync();
        var day = page.Locator("[data-testid=reserve-day]");
        await day.SelectOptionAsync(new SelectOptionValue { Index = 1 }); // tomorrow: every slot is still ahead
        await page.Locator("[data-testid=reserve-duration]").SelectOptionAsync("30");
        await Expect(page.Locator("[data-testid=reserve-start] option").First).ToBeAttachedAsync();
        await AssertNoSidewaysScrollAsync(page);
        await page.Locator("[data-testid=reserve-submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/reservations\?booked=\d+$"));
        await Expect(page.Locator("[data-testid=booked-notice]")).ToBeVisibleAsync();
        var reservation = page.Locator("[data-testid=reservation]").Filter(new() { HasText = "Westerpark entrance" });
        await Expect(reservation).ToHaveCountAsync(1);
        await Expect(reservation.Locator("[data-testid=reservation-status]")).ToHaveTextAsync("Booked");
        await Expect(reservation.Locator("[data-testid=reservation-time]")).ToContainTextAsync("Tomorrow");
        await AssertNoSidewaysScrollAsync(page);
        await session.FinishAsync("driver-reservation-phone");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the phone layout must not scroll sideways (scrollWidth vs innerWidth)");
    }
}
