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
}

public enum ReservationStatus
{
    /// <summary>Booked, the slot has not started.</summary>
    Booked,

    /// <summary>ReserveNow accepted by the station; the connector is held.</summary>
    Held,
    Used,
    Cancelled,
    Expired,
    NoShow,
    Rejected,
}
