using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Reservations;

/// <summary>
/// One booked slot of one connector. The unique index on (ConnectorRefId, SlotStart) is what makes two
/// overlapping reservations impossible even when they are booked at the same instant on different nodes:
/// the reservation and its slot rows are written in one transaction, so the loser's insert fails whole.
/// </summary>
public sealed class ReservationSlot
{
    public long Id { get; set; }
    public int ReservationId { get; set; }
    public Reservation? Reservation { get; set; }
    public int ConnectorRefId { get; set; }
    public DateTimeOffset SlotStart { get; set; }
}

internal sealed class ReservationSlotConfiguration : IEntityTypeConfiguration<ReservationSlot>
{
    public void Configure(EntityTypeBuilder<ReservationSlot> b)
    {
        b.HasOne(s => s.Reservation).WithMany(r => r.Slots).HasForeignKey(s => s.ReservationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ConnectorRefId, s.SlotStart }).IsUnique();
    }
}
