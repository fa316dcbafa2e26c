using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.CustomerInformation;

/// <summary>
/// One CustomerInformation request a 2.0.1 station answered (N09 report, N10 clear): whom it was about, what was asked
/// and the station's answer. Its data arrives as <see cref="CustomerInformationPart"/>s with the same request id.
/// </summary>
public sealed class CustomerInformationRequestRecord
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int RequestId { get; set; }
    public bool Report { get; set; }
    public bool Clear { get; set; }

    /// <summary>IdToken, CustomerIdentifier or CustomerCertificate.</summary>
    public required string CustomerKind { get; set; }

    /// <summary>The token value, the identifier, or the certificate's serial number.</summary>
    public required string Customer { get; set; }

    /// <summary>The token's type (e.g. ISO14443) or the certificate's hash algorithm.</summary>
    public string? CustomerDetail { get; set; }

    /// <summary>Accepted, Rejected or Invalid as the station answered.</summary>
    public required string Status { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>When the last part (tbc false) arrived; null while the report is incomplete.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>One NotifyCustomerInformation part (seqNo from 0, tbc until the last), stored as the station sent it.</summary>
public sealed class CustomerInformationPart
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int RequestId { get; set; }
    public int SeqNo { get; set; }
    public bool Tbc { get; set; }
    public required string Data { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>
/// A station asked (or still to be asked) to clear a deleted driver's token (N10, clear true, report false). Created
/// for every 2.0.1 station that saw the token; sent at once when the station is connected, otherwise when it next
/// connects, retried with back-off until the station answers Accepted or the attempts run out.
/// </summary>
public sealed class CustomerDataClearance
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public required string IdToken { get; set; }

    /// <summary>The 2.0.1 IdTokenEnumType the station knows the token by (ISO14443 for cards, Central otherwise).</summary>
    public required string IdTokenType { get; set; }

    /// <summary>Why, for the audit log and the page, e.g. "account of driver@example.com deleted".</summary>
    public required string Reason { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The last outcome: the station's status or why nothing was sent (offline, timeout …).</summary>
    public string? LastOutcome { get; set; }

    /// <summary>The request id of the accepted CustomerInformation (its NotifyCustomerInformation says what was cleared).</summary>
    public int? RequestId { get; set; }

    /// <summary>Accepted by the station, or given up; null while pending.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    public bool GaveUp { get; set; }
}

internal sealed class CustomerInformationRequestConfiguration : IEntityTypeConfiguration<CustomerInformationRequestRecord>
{
    public void Configure(EntityTypeBuilder<CustomerInformationRequestRecord> b)
    {
        b.ToTable("CustomerInformationRequests");
        b.Property(r => r.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(r => r.CustomerKind).HasMaxLength(24);
        b.Property(r => r.Customer).HasMaxLength(64);
        b.Property(r => r.CustomerDetail).HasMaxLength(24);
        b.Property(r => r.Status).HasMaxLength(32);
        b.HasIndex(r => new { r.StationId, r.RequestId });
        b.HasOne<Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerInformationPartConfiguration : IEntityTypeConfiguration<CustomerInformationPart>
{
    public void Configure(EntityTypeBuilder<CustomerInformationPart> b)
    {
        b.ToTable("CustomerInformationParts");
        b.Property(p => p.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(p => p.Data).HasMaxLength(512);
        b.HasIndex(p => new { p.StationId, p.RequestId, p.SeqNo }).IsUnique();
        b.HasOne<Station>().WithMany().HasForeignKey(p => p.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerDataClearanceConfiguration : IEntityTypeConfiguration<CustomerDataClearance>
{
    public void Configure(EntityTypeBuilder<CustomerDataClearance> b)
    {
        b.ToTable("CustomerDataClearances");
        b.Property(c => c.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(c => c.IdToken).HasMaxLength(36);
        b.Property(c => c.IdTokenType).HasMaxLength(16);
        b.Property(c => c.Reason).HasMaxLength(200);
        b.Property(c => c.RequestedBy).HasMaxLength(256);
        b.Property(c => c.LastOutcome).HasMaxLength(300);
        b.HasIndex(c => new { c.CompletedAt, c.NextAttemptAt });
        b.HasIndex(c => c.StationId);
        b.HasOne<Station>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
