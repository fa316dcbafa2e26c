using ChargePortal.Web.Accounts;
using ChargePortal.Web.Stations;

namespace ChargePortal.Web.Reservations;

/// <summary>A driver's slot on one connector.</summary>
public sealed class Reservation
{
    public int Id { get; set; }
    public int ConnectorRefId { get; set; }
    public Connector? Connector { get; set; }
    public required string StationId { get; set; }
    public string? UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public required string IdTag { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public ReservationStatus Status { get; set; } = ReservationStatus.Booked;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why the reservation is in its state, in words (e.g. the station's answer), for drivers and operators.</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(200)]
    public string? StatusDetail { get; set; }

    /// <summary>When ReserveNow was sent; null until then.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The no-show fee due when the driver did not come; null when none applies.</summary>
    public decimal? NoShowFee { get; set; }

    /// <summary>
    /// The payment that charged the no-show fee to the driver's saved card (see NoShowFees); null until charged. An id
    /// without a foreign key: payments are never deleted, and SQLite would rebuild the table to add one.
    /// </summary>
    public int? NoShowPaymentId { get; set; }

    /// <summary>One row per booked slot while the reservation holds the connector (the overlap guard).</summary>
    public List<ReservationSlot> Slots { get; set; } = [];
}

public enum ReservationStatus
{
    /// <summary>Booked, the slot has not started.</summary>
    Booked,

    /// <summary>ReserveNow accepted by the station; the connector is held.</summary>
    Held,

    /// <summary>The driver started charging on the reserved connector.</summary>
    Used,
    Cancelled,
    Expired,
    NoShow,
    Rejected,
}
