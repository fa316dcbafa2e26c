using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.StationSecurity;

/// <summary>
/// A SecurityEventNotification as the station sent it (1.6 Security Whitepaper and 2.0.1 A04): stored before it is
/// answered, because a station resends an unanswered security event until it is.
/// </summary>
public sealed class SecurityEvent
{
    public const int MaxTypeLength = 50;
    public const int MaxTechInfoLength = 255;

    public long Id { get; set; }

    public required string StationId { get; set; }

    /// <summary>The event's type from the spec's list of security events (e.g. FirmwareUpdated, InvalidCsmsCertificate).</summary>
    public required string Type { get; set; }

    /// <summary>When the station says the event happened.</summary>
    public DateTimeOffset Timestamp { get; set; }

    public string? TechInfo { get; set; }

    /// <summary>When the CSMS received the notification.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> b)
    {
        b.ToTable("SecurityEvents");
        b.Property(e => e.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(e => e.Type).HasMaxLength(SecurityEvent.MaxTypeLength);
        b.Property(e => e.TechInfo).HasMaxLength(SecurityEvent.MaxTechInfoLength);
        b.HasOne<Station>().WithMany().HasForeignKey(e => e.StationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.StationId, e.Timestamp });
    }
}
