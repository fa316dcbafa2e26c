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

    /// <summary>
    /// The first moment after <paramref name="after"/> at which any schedule's limit changes (a period starts, or a
    /// schedule begins or ends), or null when none will.
    /// </summary>
    public static DateTimeOffset? NextChangeAfter(IReadOnlyList<ChargingSchedule> schedules, DateTimeOffset receivedAt, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        DateTimeOffset? next = null;
        foreach (var schedule in schedules)
        {
            var start = schedule.StartSchedule ?? receivedAt;
            var moments = schedule.ChargingSchedulePeriod.Select(p => start.AddSeconds(p.StartPeriod))
                .Concat(schedule.Duration is { } duration ? [start.AddSeconds(duration)] : []);
            foreach (var moment in moments.Where(m => m > after))
            {
                next = next is null || moment < next ? moment : next;
            }
        }

        return next;
    }
}
