namespace ChargePortal.Web.Roaming.Commands;

/// <summary>Where a partner's RESERVE_NOW went, so its CANCEL_RESERVATION (which names only the id) finds the station.</summary>
public sealed class RoamingReservation
{
    public long Id { get; set; }
    public int PartnerId { get; set; }
    public required string ReservationId { get; set; }
    public required string StationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
