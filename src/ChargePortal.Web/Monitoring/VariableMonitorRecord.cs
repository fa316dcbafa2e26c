using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Monitoring;

/// <summary>
/// A monitor a 2.0.1 station has on one of its variables (2.0.1 VariableMonitoringType), as the station last said:
/// set by an accepted SetVariableMonitoring, listed by a NotifyMonitoringReport, removed by an accepted
/// ClearVariableMonitoring. Monitor ids are the station's own and unique per station.
/// </summary>
public sealed class VariableMonitorRecord
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int MonitorId { get; set; }
    public required string ComponentName { get; set; }
    public string? ComponentInstance { get; set; }
    public int? EvseId { get; set; }
    public int? ConnectorId { get; set; }
    public required string VariableName { get; set; }
    public string? VariableInstance { get; set; }

    /// <summary>UpperThreshold, LowerThreshold, Delta, Periodic or PeriodicClockAligned.</summary>
    public required string Type { get; set; }
    public decimal Value { get; set; }

    /// <summary>0 (Danger) … 9 (Debug).</summary>
    public int Severity { get; set; }

    /// <summary>The monitor is active only during a transaction.</summary>
    public bool Transaction { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class VariableMonitorRecordConfiguration : IEntityTypeConfiguration<VariableMonitorRecord>
{
    public void Configure(EntityTypeBuilder<VariableMonitorRecord> b)
    {
        b.ToTable("VariableMonitors");
        b.Property(m => m.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(m => m.ComponentName).HasMaxLength(50);
        b.Property(m => m.ComponentInstance).HasMaxLength(50);
        b.Property(m => m.VariableName).HasMaxLength(50);
        b.Property(m => m.VariableInstance).HasMaxLength(50);
        b.Property(m => m.Type).HasMaxLength(24);
        b.Property(m => m.Value).HasPrecision(18, 6);
        b.HasIndex(m => new { m.StationId, m.MonitorId }).IsUnique();
        b.HasOne<Station>().WithMany().HasForeignKey(m => m.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
