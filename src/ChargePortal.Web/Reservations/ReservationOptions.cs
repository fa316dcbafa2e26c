namespace ChargePortal.Web.Reservations;

/// <summary>The limits an operator sets for reservations (section <c>Reservations</c>).</summary>
public sealed class ReservationOptions
{
    public const string Section = "Reservations";

    /// <summary>Length of one bookable slot; starts and durations are multiples of it.</summary>
    public int SlotMinutes { get; set; } = 15;
    public int MaxDurationMinutes { get; set; } = 120;
    public int MaxDaysAhead { get; set; } = 7;

    /// <summary>How long after the slot end the station keeps the connector reserved (ReserveNow expiry).</summary>
    public int GraceMinutes { get; set; } = 10;

    /// <summary>How long before the slot starts ReserveNow is sent.</summary>
    public int SendLeadMinutes { get; set; } = 5;

    /// <summary>
    /// A no-show fee charged (off-session, to the saved card) for a held reservation nobody used; null or 0: none.
    /// In the currency of the station's tariff.
    /// </summary>
    public decimal? NoShowFee { get; set; }

    /// <summary>Most reservations one driver may have booked or held at a time, so one account cannot book a site out.</summary>
    public int MaxActivePerDriver { get; set; } = 3;

    /// <summary>How often the scheduler looks for due reservations.</summary>
    public int ScanIntervalSeconds { get; set; } = 30;

    public TimeSpan Slot => TimeSpan.FromMinutes(SlotMinutes);

    public TimeSpan Grace => TimeSpan.FromMinutes(GraceMinutes);

    public TimeSpan Lead => TimeSpan.FromMinutes(SendLeadMinutes);
}
