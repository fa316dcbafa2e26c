using ChargePortal.Web.Accounts;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Demo;
using ChargePortal.Web.Drivers.Sessions;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Dashboard;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>The Development demo as a first run sees it: a past month of sessions, payments and alerts.</summary>
public sealed class DemoHistoryChargePortalFactory : ChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:DemoHistoryDays"] = "30" };
}

public sealed class DemoHistoryTests(DemoHistoryChargePortalFactory factory) : IClassFixture<DemoHistoryChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_shows_a_month_of_energy_and_revenue_on_every_day_across_the_demo_sites()
    {
        var figures = await factory.Services.GetRequiredService<DashboardMetrics>().ComputeAsync(SiteScope.Everything, DashboardPeriod.Last30Days, Ct);

        figures.Sessions.ShouldBeGreaterThan(300);
        figures.Revenue["EUR"].ShouldBeGreaterThan(1000m);
        figures.Days.Count.ShouldBe(30);
        // Every past day has sessions (today may not have any yet: the history ends yesterday).
        figures.Days.SkipLast(1).ShouldAllBe(d => d.EnergyKwh > 0);
        figures.UtilisationPercent.ShouldBeGreaterThan(0);

        await using var db = await Db();
        var perStation = await db.Transactions.Where(t => t.OcppTransactionId.StartsWith(DemoHistory.TransactionPrefix))
            .GroupBy(t => t.StationId).Select(g => g.Key).ToListAsync(Ct);
        perStation.Count.ShouldBe(await db.Stations.CountAsync(Ct));
    }

    [Fact]
    public async Task The_demo_drivers_history_lists_paid_sessions_newest_first_each_with_a_captured_card_payment()
    {
        var driver = await DriverAsync();
        var history = await factory.Services.GetRequiredService<SessionHistory>().ForDriverAsync(driver.Id, Ct);

        history.Count.ShouldBeGreaterThan(10);
        history.ShouldAllBe(s => s.Status == TransactionStatus.Completed && s.Cost > 0m && s.EnergyWh > 0);
        history.Select(s => s.StartedAt).ShouldBe(history.Select(s => s.StartedAt).OrderByDescending(t => t));

        await using var db = await Db();
        var ids = history.Select(s => s.Id).ToList();
        var payments = await db.Payments.Where(p => p.TransactionId != null && ids.Contains(p.TransactionId.Value)).ToListAsync(Ct);
        payments.Count.ShouldBe(history.Count);
        payments.ShouldAllBe(p => p.Status == PaymentStatus.Captured && p.UserId == driver.Id && p.CapturedAmount <= p.HoldAmount);
        foreach (var session in history)
        {
            payments.Single(p => p.TransactionId == session.Id).CapturedAmount.ShouldBe(session.Cost!.Value);
        }
    }

    [Fact]
    public async Task Past_alerts_are_dealt_with_and_one_fault_waits_for_an_operator()
    {
        var open = await factory.Services.GetRequiredService<AlertService>().ListAsync(SiteScope.Everything, openOnly: true, 100, Ct);
        open.ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.ConnectorFault);

        await using var db = await Db();
        (await db.Alerts.CountAsync(a => a.AcknowledgedAt != null, Ct)).ShouldBeGreaterThanOrEqualTo(9);
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        await using var db = await Db();
        var sessions = await db.Transactions.CountAsync(Ct);
        var payments = await db.Payments.CountAsync(Ct);
        var alerts = await db.Alerts.CountAsync(Ct);

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Ct);
        }

        (await db.Transactions.CountAsync(Ct)).ShouldBe(sessions);
        (await db.Payments.CountAsync(Ct)).ShouldBe(payments);
        (await db.Alerts.CountAsync(Ct)).ShouldBe(alerts);
    }

    private async Task<ApplicationUser> DriverAsync()
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoSeeder.DriverEmail))!;
    }

    private Task<AppDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
}
