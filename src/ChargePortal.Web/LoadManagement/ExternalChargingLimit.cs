using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.LoadManagement;

/// <summary>
/// A limit an external system (an EMS, the grid's system operator, another source) imposes on a 2.0.1 station, as the
/// station reported it with NotifyChargingLimit (K11/K12/K14), until its ClearedChargingLimit (K13). One per station,
/// EVSE and source: a newer notification from the same source for the same EVSE replaces the older one.
/// </summary>
public sealed class ExternalChargingLimit
{
    public long Id { get; set; }
    public required string StationId { get; set; }

    /// <summary>0 = the station as a whole (its grid connection).</summary>
    public int EvseId { get; set; }

    /// <summary>EMS, Other, SO or CSO.</summary>
    public required string Source { get; set; }
    public bool? IsGridCritical { get; set; }

    /// <summary>The chargingSchedule list as reported; null when the station sent none (the limit's size is then unknown).</summary>
    public string? ScheduleJson { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class ExternalChargingLimitConfiguration : IEntityTypeConfiguration<ExternalChargingLimit>
{
    public void Configure(EntityTypeBuilder<ExternalChargingLimit> b)
    {
        b.ToTable("ExternalChargingLimits");
        b.Property(l => l.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(l => l.Source).HasMaxLength(8);
        b.HasIndex(l => new { l.StationId, l.EvseId, l.Source }).IsUnique();
        b.HasOne<Station>().WithMany().HasForeignKey(l => l.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
