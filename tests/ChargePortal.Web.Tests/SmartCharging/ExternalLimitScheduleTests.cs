using ChargePortal.Ocpp.V201;
using ChargePortal.Web.LoadManagement;

namespace ChargePortal.Web.Tests.SmartCharging;

public sealed class ExternalLimitScheduleTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_period_in_effect_counts_and_amperes_become_watts_per_phase()
    {
        var schedule = Schedule(ChargingRateUnitEnum.A, start: null, duration: 3600, (0, 16m, 3), (600, 10m, 1));

        ExternalLimitSchedule.LimitWAt([schedule], Received, Received.AddSeconds(-1)).ShouldBeNull("not started yet");
        ExternalLimitSchedule.LimitWAt([schedule], Received, Received.AddSeconds(10)).ShouldBe(11_040);
        ExternalLimitSchedule.LimitWAt([schedule], Received, Received.AddMinutes(15)).ShouldBe(2_300);
        ExternalLimitSchedule.LimitWAt([schedule], Received, Received.AddHours(1)).ShouldBeNull("its duration is over");
    }

    [Fact]
    public void The_lowest_of_several_schedules_wins_and_a_start_in_the_future_does_not_count_yet()
    {
        var now = Schedule(ChargingRateUnitEnum.W, start: Received, duration: null, (0, 7_000m, null));
        var later = Schedule(ChargingRateUnitEnum.W, start: Received.AddHours(2), duration: null, (0, 1_000m, null));

        ExternalLimitSchedule.LimitWAt([now, later], Received, Received.AddHours(1)).ShouldBe(7_000);
        ExternalLimitSchedule.LimitWAt([now, later], Received, Received.AddHours(3)).ShouldBe(1_000);
    }

    [Fact]
    public void The_next_change_is_the_next_period_start_or_schedule_end_of_any_schedule()
    {
        var periods = Schedule(ChargingRateUnitEnum.A, start: null, duration: 3600, (0, 16m, 3), (600, 10m, 1));
        var nextYear = Schedule(ChargingRateUnitEnum.W, start: Received.AddDays(365), duration: null, (0, 1_000m, null));

        ExternalLimitSchedule.NextChangeAfter([periods], Received, Received.AddSeconds(10)).ShouldBe(Received.AddMinutes(10));
        ExternalLimitSchedule.NextChangeAfter([periods], Received, Received.AddMinutes(10)).ShouldBe(Received.AddHours(1), "at a moment, the one after it");
        ExternalLimitSchedule.NextChangeAfter([periods], Received, Received.AddHours(1)).ShouldBeNull("nothing changes after its end");
        ExternalLimitSchedule.NextChangeAfter([periods, nextYear], Received, Received.AddHours(2)).ShouldBe(Received.AddDays(365));
    }

    [Fact]
    public void An_external_cap_takes_part_in_the_water_filling_even_at_zero()
    {
        var shares = LoadShareCalculator.Calculate(30_000, [new LoadSession("a", 0, ExternalLimitW: 0), new LoadSession("b", 11_000), new LoadSession("c", 0, ExternalLimitW: 4_000)]);

        shares.Select(s => (s.Key, s.LimitW)).ShouldBe([("a", 0), ("b", 11_000), ("c", 4_000)]);
        LoadShareCalculator.Calculate(9_000, [new LoadSession("a", 22_000, ExternalLimitW: 50_000), new LoadSession("b", 0)])
            .Select(s => s.LimitW).ShouldBe([4_500, 4_500]);
    }

    private static ChargingSchedule Schedule(ChargingRateUnitEnum unit, DateTimeOffset? start, int? duration, params (int Start, decimal Limit, int? Phases)[] periods) => new()
    {
        Id = 1,
        StartSchedule = start,
        Duration = duration,
        ChargingRateUnit = unit,
        ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.Start, Limit = p.Limit, NumberPhases = p.Phases })],
    };
}
