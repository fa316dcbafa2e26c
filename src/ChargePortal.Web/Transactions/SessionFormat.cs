using System.Globalization;
using ChargePortal.Web.Drivers;

namespace ChargePortal.Web.Transactions;

/// <summary>How the portal writes energy, money, durations and times (invariant digits, unit always shown, times in the site's zone).</summary>
public static class SessionFormat
{
    public static string Energy(long wh) => (wh / 1000m).ToString("0.00", CultureInfo.InvariantCulture) + " kWh";

    public static string Money(decimal? amount, string? currency) =>
        amount is { } a ? $"{a.ToString("0.00", CultureInfo.InvariantCulture)} {currency}".TrimEnd() : "–";

    public static string Duration(TimeSpan? duration) => duration is { } d
        ? d.TotalHours >= 1 ? $"{(int)d.TotalHours} h {d.Minutes:00} min" : $"{d.Minutes} min {d.Seconds:00} s"
        : "running";

    /// <summary>A time on the site's clock, e.g. "2026-03-14 10:26" (a station without a site: UTC).</summary>
    public static string SiteClock(DateTimeOffset at, string? timeZoneId, string format = "yyyy-MM-dd HH:mm") =>
        SiteTime.Local(at, timeZoneId).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The zone a session's times are shown in, for column headings and hints.</summary>
    public static string ZoneName(string? timeZoneId) => SiteTime.Zone(timeZoneId).Id;
}
