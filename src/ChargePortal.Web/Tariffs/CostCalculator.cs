using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Tariffs;

/// <summary>Cumulative energy delivered since the session started, as sampled at one moment.</summary>
public readonly record struct EnergySample(DateTimeOffset At, long EnergyWh);

/// <summary>
/// What happened in one session, as far as pricing cares. <paramref name="EndedAt"/> is the plug-out /
/// stop (for a live estimate: now). <paramref name="ChargingEndedAt"/> is when energy stopped flowing;
/// null means "derive it from the samples" (the first sample that reached the total energy, else EndedAt).
/// </summary>
public sealed record SessionTimeline(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    long TotalEnergyWh,
    IReadOnlyList<EnergySample> Samples,
    DateTimeOffset? ChargingEndedAt = null);

public enum CostLineKind
{
    Energy,
    Time,
    Idle,
    SessionFee,
}

/// <summary>One priced item. Quantity (kWh / minutes / 1) and Amount are kept at 4 decimals.</summary>
public sealed record CostLine(CostLineKind Kind, string Description, decimal Quantity, string Unit, decimal UnitPrice, decimal Amount);

/// <summary>
/// The price of a session. Tariff prices include VAT, so <see cref="Total"/> is the sum of the lines rounded
/// once; <see cref="Vat"/> is extracted from that rounded total and <see cref="Net"/> = Total − Vat, so the
/// three always add up exactly.
/// </summary>
public sealed record CostBreakdown(string Currency, IReadOnlyList<CostLine> Lines, decimal VatPercent, decimal Net, decimal Vat, decimal Total)
{
    public static CostBreakdown Free(string currency, decimal vatPercent) => new(currency, [], vatPercent, 0m, 0m, 0m);
}

/// <summary>
/// Prices a session with a tariff. Pure: no clock, no database.
/// <para>Rules:</para>
/// <list type="bullet">
/// <item>Energy is assumed to flow linearly between samples (the start counts as 0 Wh, the charging end as the
/// total), so energy is split across time-of-day periods in proportion to how the samples place it in time.</item>
/// <item>The per-minute price runs from start + "after N minutes" until charging ends; a period's per-minute
/// price replaces the base one while the period is in force.</item>
/// <item>The idle fee runs from charging end + grace until the plug-out / stop.</item>
/// <item>A session that delivered no energy costs nothing (a failed start must not bill the driver).</item>
/// <item>Periods are read in the site's local time (DST-aware); a period whose end is not after its start runs
/// past midnight, and its weekday is the day it starts on. Start == end means all day.</item>
/// <item>Rounding: line quantities and amounts at 4 decimals; the total once, to 2 decimals,
/// <see cref="MidpointRounding.AwayFromZero"/>.</item>
/// </list>
/// </summary>
public static class CostCalculator
{
    private const int LineDecimals = 4;
    private const int MoneyDecimals = 2;

    public static CostBreakdown Calculate(Tariff tariff, SessionTimeline session, TimeZoneInfo siteTimeZone)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(siteTimeZone);

        var start = session.StartedAt;
        var end = session.EndedAt < start ? start : session.EndedAt;
        var totalWh = Math.Max(0, session.TotalEnergyWh);
        if (totalWh == 0)
        {
            return CostBreakdown.Free(tariff.Currency, tariff.VatPercent);
        }

        var profile = EnergyProfile(start, end, totalWh, session.Samples, session.ChargingEndedAt);
        var chargingEnd = profile[^1].At;
        var windows = new PeriodWindows(tariff, siteTimeZone);
        var lines = new List<CostLine>();

        // Energy: each linear piece of the profile is cut at period boundaries and its energy shared by time.
        var energyByPrice = new SortedDictionary<decimal, decimal>();
        for (var i = 1; i < profile.Count; i++)
        {
            var (a, b) = (profile[i - 1], profile[i]);
            var pieceWh = (decimal)(b.EnergyWh - a.EnergyWh);
            if (pieceWh <= 0)
            {
                continue;
            }

            var pieceSeconds = (decimal)(b.At - a.At).TotalSeconds;
            foreach (var (from, to, period) in windows.Split(a.At, b.At))
            {
                var share = pieceSeconds == 0 ? 1m : (decimal)(to - from).TotalSeconds / pieceSeconds;
                Add(energyByPrice, period?.PricePerKwh ?? tariff.PricePerKwh, pieceWh * share / 1000m);
            }

            if (pieceSeconds == 0)
            {
                // A jump at one instant (e.g. total known only at the stop) is priced at that instant's price.
                Add(energyByPrice, windows.At(b.At)?.PricePerKwh ?? tariff.PricePerKwh, pieceWh / 1000m);
            }
        }

        foreach (var (price, kwh) in energyByPrice)
        {
            lines.Add(Line(CostLineKind.Energy, "Energy", kwh, "kWh", price));
        }

        // Time: from start + N minutes until charging ends.
        var timeFrom = start.AddMinutes(Math.Max(0, tariff.PricePerMinuteAfterMinutes));
        if (chargingEnd > timeFrom)
        {
            var minutesByPrice = new SortedDictionary<decimal, decimal>();
            foreach (var (from, to, period) in windows.Split(timeFrom, chargingEnd))
            {
                Add(minutesByPrice, period?.PricePerMinute ?? tariff.PricePerMinute, (decimal)(to - from).TotalMinutes);
            }

            foreach (var (price, minutes) in minutesByPrice.Where(p => p.Key != 0m))
            {
                var label = tariff.PricePerMinuteAfterMinutes > 0 ? $"Charging time after {tariff.PricePerMinuteAfterMinutes} min" : "Charging time";
                lines.Add(Line(CostLineKind.Time, label, minutes, "min", price));
            }
        }

        // Idle: from charging end + grace until the car leaves.
        var idleFrom = chargingEnd.AddMinutes(Math.Max(0, tariff.IdleGraceMinutes));
        if (tariff.IdleFeePerMinute != 0m && end > idleFrom)
        {
            lines.Add(Line(CostLineKind.Idle, $"Idle time after {tariff.IdleGraceMinutes} min grace", (decimal)(end - idleFrom).TotalMinutes, "min", tariff.IdleFeePerMinute));
        }

        if (tariff.SessionFee != 0m)
        {
            lines.Add(Line(CostLineKind.SessionFee, "Session fee", 1m, "session", tariff.SessionFee));
        }

        var total = Round(lines.Sum(l => l.Amount));
        var vat = tariff.VatPercent == 0m ? 0m : Round(total * tariff.VatPercent / (100m + tariff.VatPercent));
        return new CostBreakdown(tariff.Currency, lines, tariff.VatPercent, total - vat, vat, total);
    }

    /// <summary>The money rounding rule, in one place: 2 decimals, half away from zero.</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, MoneyDecimals, MidpointRounding.AwayFromZero);

    private static CostLine Line(CostLineKind kind, string description, decimal quantity, string unit, decimal unitPrice)
    {
        var q = decimal.Round(quantity, LineDecimals, MidpointRounding.AwayFromZero);
        return new CostLine(kind, description, q, unit, unitPrice, decimal.Round(q * unitPrice, LineDecimals, MidpointRounding.AwayFromZero));
    }

    private static void Add(SortedDictionary<decimal, decimal> sums, decimal price, decimal quantity) =>
        sums[price] = sums.GetValueOrDefault(price) + quantity;

    /// <summary>
    /// Cumulative energy over time: (start, 0) … samples … (charging end, total). Samples outside the session,
    /// out of order or going backwards are clamped so the profile never decreases.
    /// </summary>
    private static List<EnergySample> EnergyProfile(DateTimeOffset start, DateTimeOffset end, long totalWh, IReadOnlyList<EnergySample> samples, DateTimeOffset? chargingEnded)
    {
        var profile = new List<EnergySample> { new(start, 0) };
        foreach (var s in samples.Where(s => s.At >= start && s.At <= end).OrderBy(s => s.At))
        {
            var wh = Math.Clamp(s.EnergyWh, profile[^1].EnergyWh, totalWh);
            profile.Add(new EnergySample(s.At, wh));
        }

        DateTimeOffset chargingEnd;
        if (chargingEnded is { } ce)
        {
            chargingEnd = ce < start ? start : ce > end ? end : ce;
        }
        else
        {
            // The first sample that reached the total; index 0 is the start at 0 Wh, which never does (total > 0).
            var reached = profile.FindIndex(p => p.EnergyWh >= totalWh);
            chargingEnd = reached > 0 ? profile[reached].At : end;
        }

        profile.RemoveAll(p => p.At > chargingEnd);
        profile.Add(new EnergySample(chargingEnd, totalWh));
        return profile;
    }

    /// <summary>The tariff's periods laid out as UTC intervals in the site's time zone.</summary>
    private sealed class PeriodWindows(Tariff tariff, TimeZoneInfo zone)
    {
        public TariffPeriod? At(DateTimeOffset instant) =>
            Windows(instant, instant.AddTicks(1)).FirstOrDefault(w => w.From <= instant && instant < w.To).Period;

        /// <summary>Cuts [from, to) at every period boundary; each piece with the period in force (null: base price).</summary>
        public IEnumerable<(DateTimeOffset From, DateTimeOffset To, TariffPeriod? Period)> Split(DateTimeOffset from, DateTimeOffset to)
        {
            if (to <= from)
            {
                yield break;
            }

            var windows = Windows(from, to);
            var cuts = windows.SelectMany(w => new[] { w.From, w.To }).Where(t => t > from && t < to).Append(from).Append(to).Distinct().Order().ToList();
            for (var i = 1; i < cuts.Count; i++)
            {
                var (a, b) = (cuts[i - 1], cuts[i]);
                var mid = a + ((b - a) / 2);
                yield return (a, b, windows.FirstOrDefault(w => w.From <= mid && mid < w.To).Period);
            }
        }

        private List<(DateTimeOffset From, DateTimeOffset To, TariffPeriod? Period)> Windows(DateTimeOffset from, DateTimeOffset to)
        {
            var result = new List<(DateTimeOffset, DateTimeOffset, TariffPeriod?)>();
            if (tariff.Periods.Count == 0)
            {
                return result;
            }

            // One day of slack on each side covers windows that started the day before and run past midnight.
            var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
            var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                foreach (var period in tariff.Periods.Where(p => (p.DaysOfWeekMask & (1 << (int)day.DayOfWeek)) != 0))
                {
                    var endDay = period.EndTime <= period.StartTime ? day.AddDays(1) : day;
                    result.Add((SiteTime.ToInstant(day.ToDateTime(period.StartTime), zone), SiteTime.ToInstant(endDay.ToDateTime(period.EndTime), zone), period));
                }
            }

            return result;
        }
    }
}
