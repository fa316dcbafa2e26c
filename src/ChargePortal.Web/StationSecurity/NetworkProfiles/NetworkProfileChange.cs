using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.StationSecurity.NetworkProfiles;

/// <summary>
/// One SetNetworkProfile an operator sent (A05/B09) with the station's answers to it and its follow-ups. APN and VPN
/// secrets are not kept: only whether the profile had an APN or a VPN.
/// </summary>
public sealed class NetworkProfileChange
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int ConfigurationSlot { get; set; }
    public required string OcppVersion { get; set; }
    public required string Transport { get; set; }
    public required string CsmsUrl { get; set; }
    public int MessageTimeoutSeconds { get; set; }
    public int SecurityProfile { get; set; }
    public required string Interface { get; set; }
    public string? Apn { get; set; }
    public string? VpnServer { get; set; }

    /// <summary>The station's answer to SetNetworkProfile (Accepted, Rejected, Failed).</summary>
    public required string Status { get; set; }

    /// <summary>The NetworkConfigurationPriority sent after an accepted profile, e.g. "2,1", and the station's answer.</summary>
    public string? Priority { get; set; }
    public string? PriorityStatus { get; set; }
    public string? ResetStatus { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }

    /// <summary>When the station first connected on this profile's higher security profile.</summary>
    public DateTimeOffset? AppliedAt { get; set; }
}

internal sealed class NetworkProfileChangeConfiguration : IEntityTypeConfiguration<NetworkProfileChange>
{
    public void Configure(EntityTypeBuilder<NetworkProfileChange> b)
    {
        b.ToTable("NetworkProfileChanges");
        b.Property(c => c.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(c => c.OcppVersion).HasMaxLength(8);
        b.Property(c => c.Transport).HasMaxLength(8);
        b.Property(c => c.CsmsUrl).HasMaxLength(512);
        b.Property(c => c.Interface).HasMaxLength(16);
        b.Property(c => c.Apn).HasMaxLength(512);
        b.Property(c => c.VpnServer).HasMaxLength(512);
        b.Property(c => c.Status).HasMaxLength(32);
        b.Property(c => c.Priority).HasMaxLength(64);
        b.Property(c => c.PriorityStatus).HasMaxLength(64);
        b.Property(c => c.ResetStatus).HasMaxLength(64);
        b.Property(c => c.RequestedBy).HasMaxLength(256);
        b.HasIndex(c => c.StationId);
        b.HasOne<Station>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
