using ChargePortal.Web.Dashboard;

namespace ChargePortal.Web.Tests.Management;

public sealed class DashboardCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public void Windows_cover_whole_days_up_to_now()
    {
        DashboardWindow.For(DashboardPeriod.Today, Now, TimeZoneInfo.Utc).ShouldBe(new DashboardWindow(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), Now, 1, TimeZoneInfo.Utc));
        DashboardWindow.For(DashboardPeriod.Last7Days, Now, TimeZoneInfo.Utc).From.ShouldBe(new DateTimeOffset(2026, 11, 19, 0, 0, 0, TimeSpan.Zero));
        DashboardWindow.For(DashboardPeriod.Last30Days, Now, TimeZoneInfo.Utc).Days.ShouldBe(30);
    }

    [Fact]
    public void Days_are_the_sites_own_so_just_after_local_midnight_today_has_begun()
    {
        // 00:30 in Amsterdam is 23:30 UTC the day before.
        var justAfterMidnight = new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);

        var today = DashboardWindow.For(DashboardPeriod.Today, justAfterMidnight, Amsterdam);
        today.From.ShouldBe(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero));
        today.FirstDay.ShouldBe(new DateOnly(2026, 11, 25));

        var lateYesterday = new SessionFact(justAfterMidnight.AddHours(-1), justAfterMidnight.AddMinutes(-40), 7_000, 2m, "EUR");
        var justNow = new SessionFact(justAfterMidnight.AddMinutes(-10), null, 3_000, null, null);
        var week = DashboardWindow.For(DashboardPeriod.Last7Days, justAfterMidnight, Amsterdam);
        var figures = DashboardCalculator.Compute(week, [lateYesterday, justNow], [new StationFact("A", true, justAfterMidnight, 1)], []);

        figures.DayZone.ShouldBe("Europe/Amsterdam");
        figures.Days[^1].Day.ShouldBe(new DateOnly(2026, 11, 25));
        figures.Days[^1].EnergyKwh.ShouldBe(3);
        figures.Days[^2].Day.ShouldBe(new DateOnly(2026, 11, 24));
        figures.Days[^2].EnergyKwh.ShouldBe(7);
        DashboardCalculator.Compute(today, [lateYesterday, justNow], [new StationFact("A", true, justAfterMidnight, 1)], []).Sessions.ShouldBe(1);
    }

    [Fact]
    public void Sums_energy_revenue_per_currency_sessions_and_per_day_figures()
    {
        var window = DashboardWindow.For(DashboardPeriod.Last7Days, Now, TimeZoneInfo.Utc);
        var sessions = new[]
        {
            new SessionFact(Now.AddHours(-2), Now.AddHours(-1), 10_000, 3.5m, "EUR"),
            new SessionFact(Now.AddDays(-1), Now.AddDays(-1).AddHours(1), 20_000, 6m, "eur"),
            new SessionFact(Now.AddDays(-1), Now.AddDays(-1).AddHours(1), 5_000, 2m, "GBP"),
            new SessionFact(Now.AddDays(-10), Now.AddDays(-10).AddHours(1), 99_000, 99m, "EUR"),
        };
        var figures = DashboardCalculator.Compute(window, sessions, [new StationFact("A", true, Now, 2)], []);

        figures.EnergyKwh.ShouldBe(35);
        figures.Sessions.ShouldBe(3);
        figures.Revenue["EUR"].ShouldBe(9.5m);
        figures.Revenue["GBP"].ShouldBe(2m);
        figures.Days.Count.ShouldBe(7);
        figures.Days[^1].EnergyKwh.ShouldBe(10);
        figures.Days[^2].EnergyKwh.ShouldBe(25);
    }

    [Fact]
    public void Utilisation_is_charging_time_over_connector_time_clipped_to_the_window()
    {
        var window = DashboardWindow.For(DashboardPeriod.Today, Now, TimeZoneInfo.Utc); // 12 hours
        // 6 h inside the window (started yesterday at 22:00, stopped 06:00 today) and 3 h still running.
        var sessions = new[]
        {
            new SessionFact(window.From.AddHours(-2), window.From.AddHours(6), 1, null, null),
            new SessionFact(Now.AddHours(-3), null, 1, null, null),
        };
        var figures = DashboardCalculator.Compute(window, sessions, [new StationFact("A", true, Now, 2)], []);
        figures.UtilisationPercent.ShouldBe(100.0 * 9 / 24, 0.001);
        figures.Sessions.ShouldBe(1); // only sessions that started in the window count
    }

    [Fact]
    public void Uptime_counts_offline_alerts_and_current_disconnection_without_double_counting()
    {
        var window = DashboardWindow.For(DashboardPeriod.Today, Now, TimeZoneInfo.Utc); // 12 hours
        var stations = new[] { new StationFact("A", true, Now, 1), new StationFact("B", false, Now.AddHours(-3), 1) };
        var offline = new[]
        {
            new OfflineInterval("A", Now.AddHours(-6), Now.AddHours(-3)),
            new OfflineInterval("B", Now.AddHours(-4), null), // overlaps B's current disconnection
        };
        var figures = DashboardCalculator.Compute(window, [], stations, offline);
        figures.UptimePercent.ShouldBe(100.0 * (1 - 7.0 / 24), 0.001);
    }

    [Fact]
    public void A_station_that_never_connected_is_not_in_service_and_leaves_uptime_alone()
    {
        var window = DashboardWindow.For(DashboardPeriod.Today, Now, TimeZoneInfo.Utc); // 12 hours
        var stations = new[] { new StationFact("A", true, Now, 1), new StationFact("B", false, Now.AddHours(-6), 1), new StationFact("NEW", false, null, 2) };
        var figures = DashboardCalculator.Compute(window, [], stations, []);
        figures.UptimePercent.ShouldBe(100.0 * (1 - 6.0 / 24), 0.001, "A up all 12 h, B down 6 h; NEW is not counted");

        DashboardCalculator.Compute(window, [], [new StationFact("NEW", false, null, 2)], []).UptimePercent.ShouldBe(100);
    }

    [Fact]
    public void No_stations_means_no_utilisation_and_full_uptime()
    {
        var figures = DashboardCalculator.Compute(DashboardWindow.For(DashboardPeriod.Today, Now, TimeZoneInfo.Utc), [], [], []);
        figures.UtilisationPercent.ShouldBe(0);
        figures.UptimePercent.ShouldBe(100);
        figures.Revenue.ShouldBeEmpty();
    }
}
