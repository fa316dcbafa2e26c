using ChargePortal.Web.Sites;

namespace ChargePortal.Web.Tariffs;

/// <summary>
/// A price list for a site, optionally narrowed to one station or connector. Versioned by
/// <see cref="EffectiveFrom"/>: a session is priced with the version in force at its start.
/// </summary>
public sealed class Tariff
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public string? StationId { get; set; }
    public int? ConnectorId { get; set; }

    /// <summary>ISO 4217 code, e.g. EUR.</summary>
    public string Currency { get; set; } = "EUR";
    public decimal PricePerKwh { get; set; }
    public decimal PricePerMinute { get; set; }

    /// <summary>Time-based price applies only after this many minutes of charging (0: from the start).</summary>
    public int PricePerMinuteAfterMinutes { get; set; }
    public decimal SessionFee { get; set; }
    public decimal IdleFeePerMinute { get; set; }
    public int IdleGraceMinutes { get; set; }

    /// <summary>VAT in percent, included in the shown prices.</summary>
    public decimal VatPercent { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public DateTimeOffset? EffectiveTo { get; set; }

    public List<TariffPeriod> Periods { get; set; } = [];
}

/// <summary>A time-of-day / weekday window with its own energy and time prices.</summary>
public sealed class TariffPeriod
{
    public int Id { get; set; }
    public int TariffId { get; set; }

    /// <summary>Bit set of days the window applies to: bit 0 = Sunday … bit 6 = Saturday.</summary>
    public int DaysOfWeekMask { get; set; } = 0b111_1111;
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public decimal PricePerKwh { get; set; }
    public decimal PricePerMinute { get; set; }
}
