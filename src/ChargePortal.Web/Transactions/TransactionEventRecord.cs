using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// One 2.0.1 TransactionEvent applied to a session, by its seqNo. The set of these is what makes a replay (same seqNo)
/// change nothing while a late event (a seqNo not seen yet, whatever its order) is still applied, and what shows
/// whether a session's sequence is complete.
/// </summary>
public sealed class TransactionEventRecord
{
    public long Id { get; set; }
    public long TransactionId { get; set; }
    public int SeqNo { get; set; }

    /// <summary>Started, Updated or Ended.</summary>
    public required string EventType { get; set; }
    public required string TriggerReason { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class TransactionEventRecordConfiguration : IEntityTypeConfiguration<TransactionEventRecord>
{
    public void Configure(EntityTypeBuilder<TransactionEventRecord> b)
    {
        b.ToTable("TransactionEvents");
        b.Property(e => e.EventType).HasMaxLength(16);
        b.Property(e => e.TriggerReason).HasMaxLength(32);

        // The replay guard: a seqNo is applied once per session.
        b.HasIndex(e => new { e.TransactionId, e.SeqNo }).IsUnique();
        b.HasOne<ChargingTransaction>().WithMany().HasForeignKey(e => e.TransactionId).OnDelete(DeleteBehavior.Cascade);
    }
}
