using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>
/// A charging profile this CSMS set on a 2.0.1 station and the station accepted (SetChargingProfile), until an accepted
/// ClearChargingProfile or a newer profile replacing it (same id, or same EVSE, purpose and stack level: K01.FR.05) removes it.
/// </summary>
public sealed class SetChargingProfileRecord
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int ProfileId { get; set; }

    /// <summary>0 = the station as a whole.</summary>
    public int EvseId { get; set; }
    public required string Purpose { get; set; }
    public int StackLevel { get; set; }
    public string? TransactionId { get; set; }

    /// <summary>The ChargingProfileType as sent.</summary>
    public required string ProfileJson { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

/// <summary>One GetChargingProfiles request and the ReportChargingProfiles parts it produced (K09).</summary>
public sealed class ChargingProfileReport
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int RequestId { get; set; }

    /// <summary>evseId and the criteria as sent; null when the station reported without a request seen by this CSMS.</summary>
    public string? CriteriaJson { get; set; }

    /// <summary>The station's answer (Accepted or NoProfiles); null until it answered.</summary>
    public string? Answer { get; set; }

    /// <summary>The last part (tbc false) arrived, or the station had no profiles.</summary>
    public bool Complete { get; set; }
    public int Parts { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public List<ReportedChargingProfile> Profiles { get; set; } = [];
}

/// <summary>A profile a station reported having, with where it applies and who installed it.</summary>
public sealed class ReportedChargingProfile
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public int EvseId { get; set; }

    /// <summary>EMS, Other, SO or CSO.</summary>
    public required string Source { get; set; }
    public int ProfileId { get; set; }
    public required string Purpose { get; set; }
    public int StackLevel { get; set; }
    public required string Kind { get; set; }
    public string? TransactionId { get; set; }
    public required string ProfileJson { get; set; }
}

internal sealed class SetChargingProfileRecordConfiguration : IEntityTypeConfiguration<SetChargingProfileRecord>
{
    public void Configure(EntityTypeBuilder<SetChargingProfileRecord> b)
    {
        b.ToTable("SetChargingProfiles");
        b.Property(p => p.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(p => p.Purpose).HasMaxLength(40);
        b.Property(p => p.TransactionId).HasMaxLength(36);
        b.HasIndex(p => new { p.StationId, p.ProfileId }).IsUnique();
        b.HasOne<Station>().WithMany().HasForeignKey(p => p.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChargingProfileReportConfiguration : IEntityTypeConfiguration<ChargingProfileReport>
{
    public void Configure(EntityTypeBuilder<ChargingProfileReport> b)
    {
        b.ToTable("ChargingProfileReports");
        b.Property(r => r.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(r => r.Answer).HasMaxLength(32);
        b.HasIndex(r => new { r.StationId, r.RequestId }).IsUnique();
        b.HasOne<Station>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Profiles).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportedChargingProfileConfiguration : IEntityTypeConfiguration<ReportedChargingProfile>
{
    public void Configure(EntityTypeBuilder<ReportedChargingProfile> b)
    {
        b.ToTable("ReportedChargingProfiles");
        b.Property(p => p.Source).HasMaxLength(8);
        b.Property(p => p.Purpose).HasMaxLength(40);
        b.Property(p => p.Kind).HasMaxLength(16);
        b.Property(p => p.TransactionId).HasMaxLength(36);
    }
}
