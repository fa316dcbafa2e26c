using System.Globalization;

namespace ChargePortal.Web.Drivers;

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

    public static string Clock(DateTimeOffset utc, string? timeZoneId) => Local(utc, timeZoneId).ToString("HH:mm", CultureInfo.InvariantCulture);
}
