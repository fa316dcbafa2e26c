using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Tests.Drivers;

public sealed class SiteTimeTests
{
    [Fact]
    public void A_day_starts_at_local_midnight()
    {
        var amsterdam = SiteTime.Zone("Europe/Amsterdam");

        SiteTime.StartOfDay(new DateOnly(2026, 3, 15), amsterdam).ShouldBe(new DateTimeOffset(2026, 3, 14, 23, 0, 0, TimeSpan.Zero));
        SiteTime.StartOfDay(new DateOnly(2026, 7, 1), amsterdam).ShouldBe(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_day_whose_midnight_is_skipped_by_summer_time_starts_at_the_change()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September: that midnight never happens,
        // and TimeZoneInfo.ConvertTimeToUtc throws for it (the reservation page used to).
        var santiago = SiteTime.Zone("America/Santiago");
        var midnight = new DateTime(2026, 9, 6, 0, 0, 0, DateTimeKind.Unspecified);
        santiago.IsInvalidTime(midnight).ShouldBeTrue();

        var start = SiteTime.StartOfDay(new DateOnly(2026, 9, 6), santiago);

        start.ShouldBe(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero));
        SiteTime.Local(start, "America/Santiago").ShouldBe(new DateTimeOffset(2026, 9, 6, 1, 0, 0, TimeSpan.FromHours(-3)));
    }

    [Fact]
    public void An_unknown_or_missing_zone_is_utc()
    {
        SiteTime.Zone("Mars/Olympus_Mons").ShouldBe(TimeZoneInfo.Utc);
        SiteTime.StartOfDay(new DateOnly(2026, 3, 15), SiteTime.Zone(null)).ShouldBe(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero));
    }
}
