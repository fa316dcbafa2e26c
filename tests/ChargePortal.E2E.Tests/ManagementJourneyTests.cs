using System.Globalization;
using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests;

public sealed class ManagementJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    [Fact]
    public async Task Site_owner_sees_only_their_sites_figures_on_the_dashboard()
    {
        var startedAt = TimeProvider.System.GetUtcNow().AddHours(-2);

        // Other journeys share this app and may have left sessions on the owner's stations (the console journey
        // remote-starts one at Centraal): the expected figures are theirs plus ours.
        var before = await OwnSessionsOfLastWeekAsync();
        await AddSessionAsync("AMS-CS-01", "e2e-own-1", startedAt, 12_500, 5.00m);
        await AddSessionAsync("AMS-ZA-01", "e2e-own-2", startedAt, 8_000, 3.50m);
        await AddSessionAsync("AMS-WP-01", "e2e-foreign-1", startedAt, 40_000, 20.00m);

        var session = await OpenSessionAsync(Viewports.Desktop());
        var page = session.Page;
        await session.SignInAsync(OwnerEmail, RepositoryRoot.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await session.WaitForInteractiveAsync();

        // Default period: the last 7 days. Westerpark's 40 kWh / 20 EUR belong to another owner.
        var energy = ((before.EnergyWh + 20_500) / 1000m).ToString("0.0", CultureInfo.InvariantCulture) + " kWh";
        await Expect(page.Locator("[data-testid=kpi-energy]")).ToHaveTextAsync(energy);
        await Expect(page.Locator("[data-testid=kpi-revenue]")).ToHaveTextAsync((before.RevenueEur + 8.50m).ToString("0.00", CultureInfo.InvariantCulture) + " EUR");
        await Expect(page.Locator("[data-testid=kpi-sessions]")).ToHaveTextAsync((before.Count + 2).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=kpi-stations]")).ToHaveTextAsync("7");
        await Expect(page.Locator("[data-testid=day-zone]")).ToHaveTextAsync("Days in Europe/Amsterdam time");
        await Expect(page.Locator("[data-testid=station-tile]")).ToHaveCountAsync(7);
        await Expect(page.GetByText("Westerpark")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=energy-per-day] svg")).ToBeVisibleAsync();

        await page.Locator("[data-testid=period-switch]").GetByText("30 days").ClickAsync();
        await Expect(page.Locator("[data-testid=kpi-energy]")).ToHaveTextAsync(energy);
        await session.FinishAsync("owner-dashboard");

        // The owner's own sessions list shows the same scope.
        await page.GotoAsync("/dashboard/sessions");
        await session.WaitForInteractiveAsync();
        var table = page.Locator("[data-testid=sessions-table]");
        await Expect(table.GetByText("AMS-CS-01 · 1")).ToBeVisibleAsync();
        await Expect(table.GetByText("AMS-WP-01")).ToHaveCountAsync(0);

        // Start times are on the site's clock (Amsterdam), not UTC.
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var local = TimeZoneInfo.ConvertTime(startedAt, amsterdam).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await Expect(table.Locator("[data-testid=session-link]").Filter(new() { HasText = local }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Started (site time)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Operator_acknowledges_an_alert_and_the_badge_count_drops()
    {
        var alerts = App.Services.GetRequiredService<AlertService>();
        var ct = TestContext.Current.CancellationToken;
        await alerts.RaiseAsync(new AlertRequest(AlertKind.ConnectorFault, "AMS-CS-03", 1, 1, "Connector 1 faulted: e2e GroundFailure"), ct);
        await alerts.RaiseAsync(new AlertRequest(AlertKind.CommandFailed, "AMS-CS-04", 0, 0, "Command 'reset' failed: Timeout: e2e"), ct);

        var session = await OpenSessionAsync(Viewports.Desktop());
        var page = session.Page;
        await session.SignInAsync(OperatorEmail, RepositoryRoot.DemoPassword);
        await page.GotoAsync("/operator/alerts");
        await session.WaitForInteractiveAsync();

        var count = page.Locator("[data-testid=alert-count]");
        var before = int.Parse((await count.TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        before.ShouldBeGreaterThanOrEqualTo(2);

        var row = page.Locator("[data-testid=alerts-table] tbody tr", new() { HasText = "e2e GroundFailure" });
        await row.Locator("[data-testid=acknowledge]").ClickAsync();

        await Expect(count).ToHaveTextAsync((before - 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=alerts-table] tbody tr", new() { HasText = "e2e GroundFailure" })).ToHaveCountAsync(0);
        await session.FinishAsync("operator-alert-acknowledged");
    }

    /// <summary>Sessions on owner@'s stations (Centraal and Zuidas) started in the dashboard's default week.</summary>
    private async Task<(int Count, long EnergyWh, decimal RevenueEur)> OwnSessionsOfLastWeekAsync()
    {
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var since = TimeProvider.System.GetUtcNow().AddDays(-7);
        var own = (await db.Transactions.AsNoTracking()
            .Where(t => t.StationId.StartsWith("AMS-CS-") || t.StationId.StartsWith("AMS-ZA-"))
            .Select(t => new { t.StartedAt, t.EnergyWh, t.Cost, t.Currency })
            .ToListAsync(TestContext.Current.CancellationToken))
            .Where(t => t.StartedAt >= since)
            .ToList();
        return (own.Count, own.Sum(t => t.EnergyWh), own.Where(t => t.Currency == "EUR").Sum(t => t.Cost ?? 0m));
    }

    private async Task AddSessionAsync(string stationId, string ocppId, DateTimeOffset startedAt, long energyWh, decimal cost)
    {
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.Transactions.Add(new ChargingTransaction
        {
            StationId = stationId,
            EvseId = 1,
            ConnectorId = 1,
            OcppTransactionId = ocppId,
            IdTag = "DEMO-FLEET-001",
            StartedAt = startedAt,
            StoppedAt = startedAt.AddMinutes(45),
            EnergyWh = energyWh,
            Cost = cost,
            Currency = "EUR",
            Status = TransactionStatus.Completed,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
