using System.ComponentModel.DataAnnotations;
namespace ChargePortal.Web.Reservations;

/// <summary>The limits an operator sets for reservations (section <c>Reservations</c>).</summary>
public sealed class ReservationOptions
{
    public const string Section = "Reservations";

    /// <summary>Length of one bookable slot; starts and durations are multiples of it.</summary>
    [Range(1, 240)]
    public int SlotMinutes { get; set; } = 15;
    [Range(1, 1440)]
    public int MaxDurationMinutes { get; set; } = 120;
    [Range(0, 365)]
    public int MaxDaysAhead { get; set; } = 7;

    /// <summary>How long after the slot end the station keeps the connector reserved (ReserveNow expiry).</summary>
    [Range(0, 240)]
    public int GraceMinutes { get; set; } = 10;

    /// <summary>How long before the slot starts ReserveNow is sent.</summary>
    [Range(0, 240)]
    public int SendLeadMinutes { get; set; } = 5;

    /// <summary>
    /// A no-show fee charged (off-session, to the saved card) for a held reservation nobody used; null or 0: none.
    /// In the currency of the station's tariff.
    /// </summary>
    [Range(typeof(decimal), "0", "1000")]
    public decimal? NoShowFee { get; set; }

    /// <summary>Most reservations one driver may have booked or held at a time, so one account cannot book a site out.</summary>
    [Range(1, 100)]
    public int MaxActivePerDriver { get; set; } = 3;

    /// <summary>How often the scheduler looks for due reservations.</summary>
    [Range(1, 86_400)]
    public int ScanIntervalSeconds { get; set; } = 30;

    public TimeSpan Slot => TimeSpan.FromMinutes(SlotMinutes);

    public TimeSpan Grace => TimeSpan.FromMinutes(GraceMinutes);

    public TimeSpan Lead => TimeSpan.FromMinutes(SendLeadMinutes);
}
