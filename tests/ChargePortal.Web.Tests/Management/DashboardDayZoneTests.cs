using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChargePortal.Web.Dashboard;

namespace ChargePortal.Web.Tests.Management;

/// <summary>Which calendar the dashboard's days follow, from the sites in view (real SQLite, demo data).</summary>
public sealed class DashboardDayZoneTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sites_sharing_a_zone_give_their_days_and_a_mix_of_zones_gives_utc()
    {
        var metrics = factory.Services.GetRequiredService<DashboardMetrics>();
        await using var db = await factory.Db().CreateDbContextAsync(Ct);
        var amsterdamSites = await db.Sites.Where(s => s.TimeZoneId == "Europe/Amsterdam").Select(s => s.Id).ToListAsync(Ct);
        amsterdamSites.ShouldNotBeEmpty();

        (await metrics.ComputeAsync(new SiteScope(false, amsterdamSites.ToHashSet()), DashboardPeriod.Today, Ct)).DayZone.ShouldBe("Europe/Amsterdam");

        var tokyo = new Site { Name = "Shibuya deck", TimeZoneId = "Asia/Tokyo" };
        db.Sites.Add(tokyo);
        db.Stations.Add(new Station { Id = "TYO-01", Name = "TYO-01", Site = tokyo, CreatedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync(Ct);

        (await metrics.ComputeAsync(new SiteScope(false, new HashSet<int> { tokyo.Id }), DashboardPeriod.Today, Ct)).DayZone.ShouldBe("Asia/Tokyo");
        (await metrics.ComputeAsync(SiteScope.Everything, DashboardPeriod.Last7Days, Ct)).DayZone.ShouldBe("UTC");
    }
}
