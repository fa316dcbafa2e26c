using System.Globalization;
using System.Text.Json.Nodes;

namespace ChargePortal.Web.SmartCharging;

public sealed record CompositeStep(int StartSeconds, decimal Limit);

/// <summary>A composite schedule as a station reported it, reduced to what the chart draws.</summary>
public sealed record CompositeScheduleView(string Unit, int DurationSeconds, DateTimeOffset? Start, IReadOnlyList<CompositeStep> Steps)
{
    /// <summary>
    /// Reads the "get-composite-schedule" answer: 1.6 puts the schedule in <c>chargingSchedule</c>, 2.0.1 in
    /// <c>schedule</c>. Null when the station sent none (e.g. it answered Rejected).
    /// </summary>
    public static CompositeScheduleView? FromAnswer(JsonObject answer, int requestedDurationSeconds)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if ((answer["schedule"] ?? answer["chargingSchedule"]) is not JsonObject schedule
            || schedule["chargingSchedulePeriod"] is not JsonArray periods)
        {
            return null;
        }

        var steps = periods.OfType<JsonObject>()
            .Select(p => new CompositeStep(p["startPeriod"]!.GetValue<int>(), p["limit"]!.GetValue<decimal>()))
            .OrderBy(p => p.StartSeconds)
            .ToList();
        var duration = schedule["duration"]?.GetValue<int>() ?? requestedDurationSeconds;
        var startText = schedule["startSchedule"]?.GetValue<string>() ?? answer["scheduleStart"]?.GetValue<string>();
        DateTimeOffset? start = DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : null;
        return new CompositeScheduleView(schedule["chargingRateUnit"]?.GetValue<string>() ?? "", duration, start, steps);
    }
}
