using System.Globalization;
using ChargePortal.Web.Tariffs;

namespace ChargePortal.Web.Tests.Tariffs;

public sealed class CostCalculatorTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    // 2026-03-11 is a Wednesday; Amsterdam is UTC+1 in winter.
    private static readonly DateTimeOffset WednesdayNoonLocal = new(2026, 3, 11, 12, 0, 0, TimeSpan.FromHours(1));

    private static Tariff Plain(decimal perKwh = 0.39m, decimal vat = 0m) => new() { Name = "t", Currency = "EUR", PricePerKwh = perKwh, VatPercent = vat };

    private static SessionTimeline Session(DateTimeOffset start, double minutes, long wh, double? chargingMinutes = null, params (double Minute, long Wh)[] samples) =>
        new(start, start.AddMinutes(minutes), wh, [.. samples.Select(s => new EnergySample(start.AddMinutes(s.Minute), s.Wh))],
            chargingMinutes is { } c ? start.AddMinutes(c) : null);

    public static TheoryData<string, decimal, decimal, decimal, long, decimal> PlainEnergyCases => new()
    {
        // name, price/kWh, VAT %, ..., Wh, expected total
        { "10 kWh at 0.39", 0.39m, 0m, 0m, 10_000, 3.90m },
        { "1 Wh at 0.39 rounds to 0.00", 0.39m, 0m, 0m, 1, 0.00m },
        { "13 Wh at 0.39 = 0.00507 rounds to 0.01", 0.39m, 0m, 0m, 13, 0.01m },
        { "midpoint 0.005 rounds away from zero", 0.5m, 0m, 0m, 10, 0.01m },
        { "midpoint 0.125 rounds to 0.13", 0.25m, 0m, 0m, 500, 0.13m },
        { "fractional kWh 12.345 at 0.3", 0.3m, 0m, 0m, 12_345, 3.70m },
        { "zero price", 0m, 21m, 0m, 5_000, 0.00m },
    };

    [Theory]
    [MemberData(nameof(PlainEnergyCases))]
    public void Plain_energy_is_priced_per_kWh_and_rounded_once(string name, decimal perKwh, decimal vat, decimal unused, long wh, decimal expected)
    {
        _ = name;
        _ = unused;
        var cost = CostCalculator.Calculate(Plain(perKwh, vat), Session(WednesdayNoonLocal, 60, wh), Amsterdam);
        cost.Total.ShouldBe(expected);
        (cost.Net + cost.Vat).ShouldBe(cost.Total);
    }

    [Fact]
    public void Line_amounts_keep_four_decimals_and_only_the_total_is_rounded()
    {
        // Three lines each 0.0033 (4 dp): rounded separately they would add to 0.00; together 0.0099 → 0.01.
        var tariff = new Tariff { Name = "t", PricePerKwh = 0.33m, PricePerMinute = 0.0033m, SessionFee = 0.0033m };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, 1, 10), Amsterdam);
        cost.Lines.Select(l => l.Amount).ShouldBe([0.0033m, 0.0033m, 0.0033m]);
        cost.Total.ShouldBe(0.01m);
    }

    public static TheoryData<string, decimal, decimal, decimal, decimal> VatCases => new()
    {
        // name, VAT %, gross total, expected VAT, expected net
        { "21% of 12.10", 21m, 12.10m, 2.10m, 10.00m },
        { "9% of 1.09", 9m, 1.09m, 0.09m, 1.00m },
        { "0%", 0m, 5.00m, 0m, 5.00m },
        { "100% of 2.00", 100m, 2.00m, 1.00m, 1.00m },
        { "21% of 0.01 rounds VAT to 0.00", 21m, 0.01m, 0.00m, 0.01m },
        { "21% of 3.90", 21m, 3.90m, 0.68m, 3.22m },
    };

    [Theory]
    [MemberData(nameof(VatCases))]
    public void Vat_is_extracted_from_the_rounded_total(string name, decimal vatPercent, decimal gross, decimal expectedVat, decimal expectedNet)
    {
        _ = name;
        var tariff = new Tariff { Name = "t", SessionFee = gross, VatPercent = vatPercent };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, 10, 1_000), Amsterdam);
        cost.Total.ShouldBe(gross);
        cost.Vat.ShouldBe(expectedVat);
        cost.Net.ShouldBe(expectedNet);
    }

    public static TheoryData<string, int, double, double, decimal> PerMinuteCases => new()
    {
        // name, after N minutes, session minutes, charging minutes, expected billed minutes
        { "shorter than 2 h: no time fee", 120, 90, 90, 0m },
        { "exactly 2 h: no time fee", 120, 120, 120, 0m },
        { "2 h 30 min: 30 billed minutes", 120, 150, 150, 30m },
        { "from the start", 0, 45, 45, 45m },
        { "time fee stops when charging ends", 120, 200, 150, 30m },
        { "fractional minutes are kept", 0, 1.5, 1.5, 1.5m },
    };

    [Theory]
    [MemberData(nameof(PerMinuteCases))]
    public void Per_minute_price_applies_after_the_free_minutes_while_charging(string name, int after, double minutes, double charging, decimal billed)
    {
        _ = name;
        var tariff = new Tariff { Name = "t", PricePerKwh = 0m, PricePerMinute = 0.10m, PricePerMinuteAfterMinutes = after };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, minutes, 20_000, charging), Amsterdam);
        var time = cost.Lines.Where(l => l.Kind == CostLineKind.Time).Sum(l => l.Quantity);
        time.ShouldBe(billed);
        cost.Total.ShouldBe(CostCalculator.Round(billed * 0.10m));
    }

    public static TheoryData<string, int, double, double, decimal> IdleCases => new()
    {
        // name, grace minutes, charging minutes, plug-out minute, expected idle minutes
        { "left within grace: no idle fee", 15, 60, 70, 0m },
        { "left exactly at grace end", 15, 60, 75, 0m },
        { "20 minutes after grace", 15, 60, 95, 20m },
        { "no grace", 0, 60, 61, 1m },
    };

    [Theory]
    [MemberData(nameof(IdleCases))]
    public void Idle_fee_runs_after_the_grace_period_once_charging_stops(string name, int grace, double charging, double plugOut, decimal idleMinutes)
    {
        _ = name;
        var tariff = new Tariff { Name = "t", IdleFeePerMinute = 0.25m, IdleGraceMinutes = grace };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, plugOut, 10_000, charging), Amsterdam);
        cost.Lines.Where(l => l.Kind == CostLineKind.Idle).Sum(l => l.Quantity).ShouldBe(idleMinutes);
        cost.Total.ShouldBe(CostCalculator.Round(idleMinutes * 0.25m));
    }

    [Fact]
    public void Charging_end_is_derived_from_the_samples_when_not_given()
    {
        // Full at minute 30 (sample), car leaves at minute 60; grace 10 → 20 idle minutes.
        var tariff = new Tariff { Name = "t", IdleFeePerMinute = 1m, IdleGraceMinutes = 10 };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, 60, 5_000, null, (10, 2_000), (30, 5_000), (45, 5_000)), Amsterdam);
        cost.Lines.Single(l => l.Kind == CostLineKind.Idle).Quantity.ShouldBe(20m);
    }

    [Fact]
    public void Session_fee_is_one_line()
    {
        var tariff = new Tariff { Name = "t", PricePerKwh = 0.30m, SessionFee = 1.50m };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, 30, 10_000), Amsterdam);
        cost.Lines.Single(l => l.Kind == CostLineKind.SessionFee).ShouldBe(new CostLine(CostLineKind.SessionFee, "Session fee", 1m, "session", 1.50m, 1.50m));
        cost.Total.ShouldBe(4.50m);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void A_session_without_energy_costs_nothing(long wh)
    {
        var tariff = new Tariff { Name = "t", PricePerKwh = 0.39m, SessionFee = 1m, PricePerMinute = 0.1m, IdleFeePerMinute = 1m, VatPercent = 21m };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, 300, wh), Amsterdam);
        cost.Lines.ShouldBeEmpty();
        cost.Total.ShouldBe(0m);
        cost.Vat.ShouldBe(0m);
    }

    private static Tariff Peak(int mask = 0b111_1111) => new()
    {
        Name = "peak",
        PricePerKwh = 0.30m,
        Periods = [new TariffPeriod { StartTime = new TimeOnly(18, 0), EndTime = new TimeOnly(22, 0), PricePerKwh = 0.50m, DaysOfWeekMask = mask }],
    };

    public static TheoryData<string, int, int, double, (double, long)[], decimal, decimal> PeriodCases => new()
    {
        // name, start hour (local), start minute, minutes, samples, expected off-peak kWh, expected peak kWh
        { "17:00–19:00 uniform: half each", 17, 0, 120, [], 5m, 5m },
        { "17:30–18:30 fast then slow: samples decide", 17, 30, 60, [(30, 8_000)], 8m, 2m },
        { "all inside peak", 19, 0, 60, [], 0m, 10m },
        { "crosses both ends 17:00–23:00", 17, 0, 360, [(60, 2_000), (300, 8_000)], 4m, 6m },
        { "uneven split 17:45–18:15", 17, 45, 30, [(15, 3_000)], 3m, 7m },
    };

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void Energy_is_split_at_period_boundaries_by_sample_timing(string name, int hour, int minute, double minutes, (double, long)[] samples, decimal offPeak, decimal peak)
    {
        _ = name;
        var start = new DateTimeOffset(2026, 3, 11, hour, minute, 0, TimeSpan.FromHours(1));
        var cost = CostCalculator.Calculate(Peak(), Session(start, minutes, 10_000, null, samples), Amsterdam);
        cost.Lines.Where(l => l.UnitPrice == 0.30m).Sum(l => l.Quantity).ShouldBe(offPeak);
        cost.Lines.Where(l => l.UnitPrice == 0.50m).Sum(l => l.Quantity).ShouldBe(peak);
        cost.Total.ShouldBe(CostCalculator.Round((offPeak * 0.30m) + (peak * 0.50m)));
    }

    [Theory]
    [InlineData(11, 0.50)] // Wednesday: weekday peak applies
    [InlineData(14, 0.30)] // Saturday: base price
    [InlineData(15, 0.30)] // Sunday: base price
    public void Weekday_periods_do_not_apply_at_the_weekend(int day, double expectedPrice)
    {
        var start = new DateTimeOffset(2026, 3, day, 19, 0, 0, TimeSpan.FromHours(1));
        var cost = CostCalculator.Calculate(Peak(0b011_1110), Session(start, 60, 10_000), Amsterdam);
        cost.Lines.Single().UnitPrice.ShouldBe((decimal)expectedPrice);
    }

    [Fact]
    public void A_period_past_midnight_belongs_to_the_day_it_starts()
    {
        // Night 22:00–06:00 on Fridays only: Friday 23:00 → Saturday 01:00 is all night price.
        var tariff = new Tariff
        {
            Name = "night",
            PricePerKwh = 0.40m,
            Periods = [new TariffPeriod { StartTime = new TimeOnly(22, 0), EndTime = new TimeOnly(6, 0), PricePerKwh = 0.20m, DaysOfWeekMask = 1 << (int)DayOfWeek.Friday }],
        };
        var start = new DateTimeOffset(2026, 3, 13, 23, 0, 0, TimeSpan.FromHours(1));
        var cost = CostCalculator.Calculate(tariff, Session(start, 120, 10_000), Amsterdam);
        cost.Lines.Single().UnitPrice.ShouldBe(0.20m);
        cost.Total.ShouldBe(2.00m);
    }

    [Fact]
    public void Dst_spring_forward_day_in_amsterdam_uses_local_wall_time()
    {
        // 2026-03-29: 02:00 CET → 03:00 CEST. Peak 00:00–04:00 local is only 3 real hours long that night.
        // Session 23:00 CET (22:00 UTC) on the 28th to 05:00 CEST (03:00 UTC) = 5 real hours, 5 kWh uniform:
        // 1 h before peak, 3 h peak (00:00 CET .. 04:00 CEST = 23:00 UTC .. 02:00 UTC), 1 h after.
        var tariff = new Tariff
        {
            Name = "night",
            PricePerKwh = 0.40m,
            Periods = [new TariffPeriod { StartTime = new TimeOnly(0, 0), EndTime = new TimeOnly(4, 0), PricePerKwh = 0.20m }],
        };
        var start = new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero);
        var cost = CostCalculator.Calculate(tariff, Session(start, 300, 5_000), Amsterdam);
        cost.Lines.Single(l => l.UnitPrice == 0.20m).Quantity.ShouldBe(3m);
        cost.Lines.Single(l => l.UnitPrice == 0.40m).Quantity.ShouldBe(2m);
    }

    [Fact]
    public void Dst_fall_back_day_in_amsterdam_has_a_longer_night()
    {
        // 2026-10-25: 03:00 CEST → 02:00 CET. Peak 00:00–04:00 local lasts 5 real hours (22:00 UTC .. 03:00 UTC).
        var tariff = new Tariff
        {
            Name = "night",
            PricePerKwh = 0.40m,
            Periods = [new TariffPeriod { StartTime = new TimeOnly(0, 0), EndTime = new TimeOnly(4, 0), PricePerKwh = 0.20m }],
        };
        var start = new DateTimeOffset(2026, 10, 24, 21, 0, 0, TimeSpan.Zero);
        var cost = CostCalculator.Calculate(tariff, Session(start, 420, 7_000), Amsterdam);
        cost.Lines.Single(l => l.UnitPrice == 0.20m).Quantity.ShouldBe(5m);
        cost.Lines.Single(l => l.UnitPrice == 0.40m).Quantity.ShouldBe(2m);
    }

    [Fact]
    public void Period_minute_prices_replace_the_base_minute_price()
    {
        var tariff = new Tariff
        {
            Name = "t",
            PricePerMinute = 0.10m,
            Periods = [new TariffPeriod { StartTime = new TimeOnly(18, 0), EndTime = new TimeOnly(22, 0), PricePerKwh = 0m, PricePerMinute = 0.20m }],
        };
        var start = new DateTimeOffset(2026, 3, 11, 17, 0, 0, TimeSpan.FromHours(1));
        var cost = CostCalculator.Calculate(tariff, Session(start, 120, 10_000), Amsterdam);
        cost.Lines.Single(l => l is { Kind: CostLineKind.Time, UnitPrice: 0.10m }).Quantity.ShouldBe(60m);
        cost.Lines.Single(l => l is { Kind: CostLineKind.Time, UnitPrice: 0.20m }).Quantity.ShouldBe(60m);
        cost.Total.ShouldBe(18.00m);
    }

    [Fact]
    public void Everything_together_matches_the_demo_tariff()
    {
        // €0.39/kWh + €0.10/min after 2 h + €0.25/min idle after 15 min, 21% VAT.
        // 150 min charging, 30 kWh, plug-out at 180 min → 30 kWh (11.70) + 30 min (3.00) + 15 idle min (3.75) = 18.45.
        var tariff = new Tariff { Name = "demo", PricePerKwh = 0.39m, PricePerMinute = 0.10m, PricePerMinuteAfterMinutes = 120, IdleFeePerMinute = 0.25m, IdleGraceMinutes = 15, VatPercent = 21m };
        var cost = CostCalculator.Calculate(tariff, Session(WednesdayNoonLocal, 180, 30_000, 150), Amsterdam);
        cost.Total.ShouldBe(18.45m);
        cost.Vat.ShouldBe(3.20m);
        cost.Net.ShouldBe(15.25m);
        cost.Lines.Select(l => l.Kind).ShouldBe([CostLineKind.Energy, CostLineKind.Time, CostLineKind.Idle]);
    }

    [Fact]
    public void Samples_that_go_backwards_or_lie_outside_the_session_are_clamped()
    {
        var cost = CostCalculator.Calculate(Plain(1m), Session(WednesdayNoonLocal, 60, 2_000, null, (-10, 500), (10, 1_500), (20, 900), (90, 9_000)), Amsterdam);
        cost.Total.ShouldBe(2.00m);
    }

    [Fact]
    public void An_end_before_the_start_is_treated_as_an_instant_session()
    {
        var session = new SessionTimeline(WednesdayNoonLocal, WednesdayNoonLocal.AddMinutes(-5), 1_000, []);
        CostCalculator.Calculate(Plain(1m), session, Amsterdam).Total.ShouldBe(1.00m);
    }

    [Theory]
    [InlineData("en-US", "€0.39/kWh + €0.10/min after 2 h + €0.25/min idle after 15 min")]
    [InlineData("nl-NL", "€0,39/kWh + €0,10/min after 2 h + €0,25/min idle after 15 min")]
    public void Tariff_text_says_the_price_in_plain_words(string culture, string expected)
    {
        var tariff = new Tariff { Name = "demo", PricePerKwh = 0.39m, PricePerMinute = 0.10m, PricePerMinuteAfterMinutes = 120, IdleFeePerMinute = 0.25m, IdleGraceMinutes = 15 };
        TariffText.Describe(tariff, CultureInfo.GetCultureInfo(culture)).ShouldBe(expected);
    }

    [Fact]
    public void Tariff_text_names_periods_session_fee_and_unknown_currencies()
    {
        var tariff = Peak(0b011_1110);
        tariff.Currency = "SEK";
        tariff.SessionFee = 1m;
        TariffText.Describe(tariff, CultureInfo.InvariantCulture).ShouldBe("0.30 SEK/kWh + 1.00 SEK per session; Mon–Fri 18:00–22:00: 0.50 SEK/kWh");
    }
}
