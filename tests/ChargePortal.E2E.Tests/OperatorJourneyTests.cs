using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests;

public sealed class OperatorJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    [Fact]
    public async Task Operator_on_desktop_sees_every_station_and_creates_a_working_api_key()
    {
        var session = await OpenSessionAsync(Viewports.Desktop());
        var page = session.Page;

        // The ten demo stations, and any a journey that ran before this one connected (the host is shared).
        var registered = await StationCountAsync();
        registered.ShouldBeGreaterThanOrEqualTo(10);
        await session.SignInAsync(OperatorEmail, RepositoryRoot.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Expect(page.Locator("[data-testid=kpi-stations]")).ToHaveTextAsync(registered.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GotoAsync("/operator/stations");
        await session.WaitForInteractiveAsync();
        var table = page.Locator("[data-testid=stations-table]");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(Math.Min(registered, 25)); // the grid's page
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "AMS-WP-03", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=bottom-nav]")).Not.ToBeVisibleAsync();
        var staffNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Staff navigation" });
        await Expect(staffNav.GetByRole(AriaRole.Link, new() { Name = "Stations" })).ToBeVisibleAsync();
        await Expect(staffNav.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToBeVisibleAsync();
        await session.SaveScreenshotAsync("operator-stations-desktop");

        await page.GotoAsync("/operator/api-keys");
        await session.WaitForInteractiveAsync();
        await page.Locator("[data-testid=new-key-name] input, input[data-testid=new-key-name]").FillAsync("e2e automation");
        await page.Locator("[data-testid=create-key]").ClickAsync();
        var created = page.Locator("[data-testid=created-key]");
        await Expect(created).ToContainTextAsync("cpk_");
        var key = (await created.Locator("code").InnerTextAsync()).Trim();
        key.ShouldStartWith("cpk_");
        await session.FinishAsync("operator-api-key-created");

        using var http = App.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/stations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stations = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        stations.ValueKind.ShouldBe(JsonValueKind.Array);
        stations.GetArrayLength().ShouldBe(await StationCountAsync());
    }

    private async Task<int> StationCountAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Stations.CountAsync(TestContext.Current.CancellationToken);
    }
}
