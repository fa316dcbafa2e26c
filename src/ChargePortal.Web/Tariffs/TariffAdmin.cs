using System.Globalization;
using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Tariffs;

/// <summary>The operator's tariff form: a new version of the price list for a site / station / connector.</summary>
public sealed class TariffForm
{
    public string Name { get; set; } = "";
    public int SiteId { get; set; }
    public string? StationId { get; set; }
    public int? ConnectorId { get; set; }
    public string Currency { get; set; } = "EUR";
    public decimal PricePerKwh { get; set; }
    public decimal PricePerMinute { get; set; }
    public int PricePerMinuteAfterMinutes { get; set; }
    public decimal SessionFee { get; set; }
    public decimal IdleFeePerMinute { get; set; }
    public int IdleGraceMinutes { get; set; }
    public decimal VatPercent { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public List<TariffPeriodForm> Periods { get; set; } = [];

    public static TariffForm From(Tariff t, DateTimeOffset effectiveFrom) => new()
    {
        Name = t.Name,
        SiteId = t.SiteId,
        StationId = t.StationId,
        ConnectorId = t.ConnectorId,
        Currency = t.Currency,
        PricePerKwh = t.PricePerKwh,
        PricePerMinute = t.PricePerMinute,
        PricePerMinuteAfterMinutes = t.PricePerMinuteAfterMinutes,
        SessionFee = t.SessionFee,
        IdleFeePerMinute = t.IdleFeePerMinute,
        IdleGraceMinutes = t.IdleGraceMinutes,
        VatPercent = t.VatPercent,
        EffectiveFrom = effectiveFrom,
        Periods = [.. t.Periods.Select(p => new TariffPeriodForm { DaysOfWeekMask = p.DaysOfWeekMask, StartTime = p.StartTime, EndTime = p.EndTime, PricePerKwh = p.PricePerKwh, PricePerMinute = p.PricePerMinute })],
    };
}

public sealed class TariffPeriodForm
{
    public int DaysOfWeekMask { get; set; } = 0b111_1111;
    public TimeOnly StartTime { get; set; } = new(18, 0);
    public TimeOnly EndTime { get; set; } = new(22, 0);
    public decimal PricePerKwh { get; set; }
    public decimal PricePerMinute { get; set; }
}

/// <summary>A tariff version as the tariffs page lists it; it starts and ends on the clock of the site's zone.</summary>
public sealed record TariffRow(Tariff Tariff, string SiteName, int SessionsPriced, string SiteTimeZoneId);

public sealed record TariffSaveResult(IReadOnlyList<string> Errors, int? TariffId)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Tariff versions. A version is never edited once saved (sessions may have been priced with it); a change
/// is a new version from a later date, and saving it closes the previous version's EffectiveTo.
/// </summary>
public sealed class TariffAdmin(IDbContextFactory<AppDbContext> dbFactory, AuditLog audit, TimeProvider time)
{
    /// <summary>Prices are stored as decimal(18,4): more decimals would be rounded away silently, more digits overflow.</summary>
    public const int PriceDecimals = 4;
    public const decimal MaxPrice = 1_000_000m;

    /// <summary>The form takes minutes, so "now" typed by the operator may be up to a minute behind the clock.</summary>
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    private static readonly HashSet<string> Currencies = [.. CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return ""; } })
        .Where(s => s.Length == 3)];

    public async Task<IReadOnlyList<TariffRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tariffs = await db.Tariffs.AsNoTracking().Include(t => t.Periods).Include(t => t.Site).ToListAsync(ct);
        var used = await db.Transactions.Where(t => t.TariffId != null).GroupBy(t => t.TariffId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. tariffs.OrderBy(t => t.Site!.Name).ThenBy(t => t.StationId).ThenBy(t => t.ConnectorId).ThenByDescending(t => t.EffectiveFrom)
            .Select(t => new TariffRow(t, t.Site!.Name, used.GetValueOrDefault(t.Id), t.Site.TimeZoneId))];
    }

    public static IReadOnlyList<string> Validate(TariffForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(form.Name) || form.Name.Length > 120)
        {
            errors.Add("Name is required (at most 120 characters).");
        }

        if (form.Currency is not { Length: 3 } || !form.Currency.All(char.IsAsciiLetterUpper) || !Currencies.Contains(form.Currency))
        {
            errors.Add("Currency must be an ISO 4217 code of 3 capital letters, e.g. EUR.");
        }

        if (form.PricePerKwh < 0 || form.PricePerMinute < 0 || form.SessionFee < 0 || form.IdleFeePerMinute < 0 || form.Periods.Any(p => p.PricePerKwh < 0 || p.PricePerMinute < 0))
        {
            errors.Add("Prices cannot be negative.");
        }

        var prices = new[] { form.PricePerKwh, form.PricePerMinute, form.SessionFee, form.IdleFeePerMinute }
            .Concat(form.Periods.SelectMany(p => new[] { p.PricePerKwh, p.PricePerMinute })).ToList();
        if (prices.Any(p => p >= MaxPrice))
        {
            errors.Add($"Prices must be less than {MaxPrice.ToString("#,0", CultureInfo.InvariantCulture)}.");
        }

        if (prices.Append(form.VatPercent).Any(p => p != decimal.Round(p, PriceDecimals)))
        {
            errors.Add($"Prices and VAT have at most {PriceDecimals} decimals.");
        }

        if (form.PricePerMinuteAfterMinutes < 0 || form.IdleGraceMinutes < 0)
        {
            errors.Add("Minute counts cannot be negative.");
        }

        if (form.VatPercent is < 0 or > 100)
        {
            errors.Add("VAT must be between 0 and 100 %.");
        }

        if (form.ConnectorId is not null && string.IsNullOrWhiteSpace(form.StationId))
        {
            errors.Add("A connector tariff needs its station.");
        }

        if (form.ConnectorId is <= 0)
        {
            errors.Add("Connector ids start at 1.");
        }

        if (form.Periods.Any(p => (p.DaysOfWeekMask & 0b111_1111) == 0))
        {
            errors.Add("Each period needs at least one weekday.");
        }

        if (Overlaps(form.Periods))
        {
            errors.Add("Periods overlap: each moment of the week may belong to one period only.");
        }

        return errors;
    }

    public async Task<TariffSaveResult> CreateVersionAsync(TariffForm form, string actorName, string? actorUserId, CancellationToken ct)
    {
        var errors = Validate(form).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stationId = string.IsNullOrWhiteSpace(form.StationId) ? null : form.StationId.Trim();
        if (!await db.Sites.AnyAsync(s => s.Id == form.SiteId, ct))
        {
            errors.Add("Choose an existing site.");
        }
        else if (stationId is not null && !await db.Stations.AnyAsync(s => s.Id == stationId && s.SiteId == form.SiteId, ct))
        {
            errors.Add($"Station {stationId} is not at this site.");
        }

        else if (stationId is not null && form.ConnectorId is > 0
            && await db.Connectors.Where(c => c.StationId == stationId).Select(c => c.ConnectorId).Distinct().ToListAsync(ct) is { Count: > 0 } known
            && !known.Contains(form.ConnectorId.Value))
        {
            // A station that has not reported its connectors yet may still get a connector tariff in advance.
            errors.Add($"Station {stationId} has no connector {form.ConnectorId} (it has {string.Join(", ", known.Order())}).");
        }

        // A version starting in the past would reprice sessions already under way with prices nobody saw at their start.
        if (form.EffectiveFrom < time.GetUtcNow() - PastTolerance)
        {
            errors.Add("A new version cannot start in the past; choose a start from now on.");
        }

        var sameScope = await db.Tariffs.Where(t => t.SiteId == form.SiteId && t.StationId == stationId && t.ConnectorId == form.ConnectorId).ToListAsync(ct);
        if (sameScope.FirstOrDefault(t => t.EffectiveFrom >= form.EffectiveFrom) is { } later)
        {
            var zone = await db.Sites.Where(x => x.Id == form.SiteId).Select(x => x.TimeZoneId).FirstOrDefaultAsync(ct);
            var starts = SiteTime.Format(later.EffectiveFrom, zone);
            errors.Add($"A version already starts at {starts} ({SiteTime.Zone(zone).Id}); a new version must start after the latest one.");
        }

        if (errors.Count > 0)
        {
            return new(errors, null);
        }

        foreach (var open in sameScope.Where(t => t.EffectiveTo is null || t.EffectiveTo > form.EffectiveFrom))
        {
            open.EffectiveTo = form.EffectiveFrom;
        }

        var tariff = new Tariff
        {
            Name = form.Name.Trim(),
            SiteId = form.SiteId,
            StationId = stationId,
            ConnectorId = form.ConnectorId,
            Currency = form.Currency,
            PricePerKwh = form.PricePerKwh,
            PricePerMinute = form.PricePerMinute,
            PricePerMinuteAfterMinutes = form.PricePerMinuteAfterMinutes,
            SessionFee = form.SessionFee,
            IdleFeePerMinute = form.IdleFeePerMinute,
            IdleGraceMinutes = form.IdleGraceMinutes,
            VatPercent = form.VatPercent,
            EffectiveFrom = form.EffectiveFrom,
            Periods = [.. form.Periods.Select(p => new TariffPeriod { DaysOfWeekMask = p.DaysOfWeekMask & 0b111_1111, StartTime = p.StartTime, EndTime = p.EndTime, PricePerKwh = p.PricePerKwh, PricePerMinute = p.PricePerMinute })],
        };
        db.Tariffs.Add(tariff);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actorName, actorUserId, "tariff.create", stationId, $"tariff {tariff.Id} '{tariff.Name}' site {tariff.SiteId} from {tariff.EffectiveFrom:O}", "Created", ct);
        return new([], tariff.Id);
    }

    /// <summary>Lays every period onto the minutes of one week (a period past midnight spills into the next day).</summary>
    private static bool Overlaps(List<TariffPeriodForm> periods)
    {
        const int week = 7 * 24 * 60;
        var owner = new int[week];
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            var start = (p.StartTime.Hour * 60) + p.StartTime.Minute;
            var end = (p.EndTime.Hour * 60) + p.EndTime.Minute;
            var length = end > start ? end - start : end + (24 * 60) - start;
            for (var day = 0; day < 7; day++)
            {
                if ((p.DaysOfWeekMask & (1 << day)) == 0)
                {
                    continue;
                }

                for (var m = 0; m < length; m++)
                {
                    var slot = ((day * 24 * 60) + start + m) % week;
                    if (owner[slot] != 0)
                    {
                        return true;
                    }

                    owner[slot] = i + 1;
                }
            }
        }

        return false;
    }
}
