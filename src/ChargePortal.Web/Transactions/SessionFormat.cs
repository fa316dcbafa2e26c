using System.Globalization;

namespace ChargePortal.Web.Transactions;

/// <summary>How the portal writes energy, money and durations (invariant digits, unit always shown).</summary>
public static class SessionFormat
{
    public static string Energy(long wh) => (wh / 1000m).ToString("0.00", CultureInfo.InvariantCulture) + " kWh";

    public static string Money(decimal? amount, string? currency) =>
        amount is { } a ? $"{a.ToString("0.00", CultureInfo.InvariantCulture)} {currency}".TrimEnd() : "–";

    public static string Duration(TimeSpan? duration) => duration is { } d
        ? d.TotalHours >= 1 ? $"{(int)d.TotalHours} h {d.Minutes:00} min" : $"{d.Minutes} min {d.Seconds:00} s"
        : "running";
}
