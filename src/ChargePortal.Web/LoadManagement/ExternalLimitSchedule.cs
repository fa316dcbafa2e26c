using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.LoadManagement;

/// <summary>The power an external limit's schedule allows at a given moment.</summary>
public static class ExternalLimitSchedule
{
    /// <summary>Nominal voltage per phase for a schedule in amperes (the balancer works in watts).</summary>
    public const decimal VoltsPerPhase = 230m;

    /// <summary>Phases assumed when a period does not say (2.0.1: 3 unless stated).</summary>
    public const int DefaultPhases = 3;

    /// <summary>
    /// The lowest limit in watts any schedule imposes at <paramref name="at"/>, or null when none is in effect (before
    /// its start, after its duration, or no schedule at all). A schedule without a start began when it was received.
    /// </summary>
    public static int? LimitWAt(IReadOnlyList<ChargingSchedule> schedules, DateTimeOffset receivedAt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        int? lowest = null;
        foreach (var schedule in schedules)
        {
            var elapsed = (at - (schedule.StartSchedule ?? receivedAt)).TotalSeconds;
            if (elapsed < 0 || (schedule.Duration is { } duration && elapsed >= duration))
            {
                continue;
            }

            var period = schedule.ChargingSchedulePeriod.Where(p => p.StartPeriod <= elapsed).MaxBy(p => p.StartPeriod);
            if (period is null)
            {
                continue;
            }

            var watts = schedule.ChargingRateUnit == ChargingRateUnitEnum.A
                ? period.Limit * VoltsPerPhase * (period.NumberPhases ?? DefaultPhases)
                : period.Limit;
            var limit = (int)Math.Max(0m, Math.Floor(watts));
            lowest = lowest is null ? limit : Math.Min(lowest.Value, limit);
        }

        return lowest;
    }
}
