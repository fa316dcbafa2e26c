using System.Globalization;

namespace ChargePortal.Web.Kernel;

/// <summary>Times are stored UTC and shown in the site's time zone.</summary>
public static class SiteTime
{
    public static TimeZoneInfo Zone(string? timeZoneId)
    {
        if (!string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }

    public static DateTimeOffset Local(DateTimeOffset utc, string? timeZoneId) => TimeZoneInfo.ConvertTime(utc, Zone(timeZoneId));

    /// <summary>"Today 14:30", "Tomorrow 09:00" or "Fri 3 Jan 18:15", relative to <paramref name="now"/> in the site's zone.</summary>
    public static string Describe(DateTimeOffset utc, DateTimeOffset now, string? timeZoneId)
    {
        var local = Local(utc, timeZoneId);
        var today = Local(now, timeZoneId).Date;
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (local.Date - today).Days switch
        {
            0 => $"Today {time}",
            1 => $"Tomorrow {time}",
            _ => local.ToString("ddd d MMM ", CultureInfo.InvariantCulture) + time,
        };
    }

    /// <summary>
    /// A local wall time as an instant. In a spring-forward gap the pre-gap offset is used, so a day that starts in
    /// the gap (some zones change at midnight) starts at the change; an autumn ambiguous time is read as its first
    /// occurrence (the larger offset).
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else if (zone.IsInvalidTime(local))
        {
            offset = zone.GetUtcOffset(local.AddHours(-3));
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The first instant of a calendar day in the zone.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) => ToInstant(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>A time on the site's clock in <paramref name="format"/>, e.g. "2026-03-14 10:26" (invariant digits).</summary>
    public static string Format(DateTimeOffset utc, string? timeZoneId, string format = "yyyy-MM-dd HH:mm") =>
        Local(utc, timeZoneId).ToString(format, CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset utc, string? timeZoneId) => Local(utc, timeZoneId).ToString("HH:mm", CultureInfo.InvariantCulture);
}
