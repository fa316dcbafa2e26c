using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.StationEvents;

/// <summary>One event a station reported: a NotifyEvent's event data, a SecurityEventNotification or a monitor of a NotifyMonitoringReport.</summary>
public sealed class StationEventRecord
{
    public long Id { get; set; }
    public required string StationId { get; set; }

    /// <summary>When it happened, by the station's clock.</summary>
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public StationEventKind Kind { get; set; }
    public string? Component { get; set; }
    public string? ComponentInstance { get; set; }
    public int? EvseId { get; set; }
    public int? ConnectorId { get; set; }
    public string? Variable { get; set; }
    public string? VariableInstance { get; set; }

    /// <summary>NotifyEvent trigger (Alerting, Delta, Periodic), the security event's type, or the monitor's type.</summary>
    public string? Trigger { get; set; }
    public string? ActualValue { get; set; }
    public string? TechCode { get; set; }
    public string? TechInfo { get; set; }
    public bool? Cleared { get; set; }
    public int? EventId { get; set; }
    public int? Severity { get; set; }
    public int? VariableMonitoringId { get; set; }
    public string? EventNotificationType { get; set; }
    public string? TransactionId { get; set; }
}

public enum StationEventKind
{
    Event,
    Security,
    MonitoringReport,
}

internal sealed class StationEventRecordConfiguration : IEntityTypeConfiguration<StationEventRecord>
{
    public void Configure(EntityTypeBuilder<StationEventRecord> b)
    {
        b.ToTable("StationEvents");
        b.Property(e => e.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Component).HasMaxLength(50);
        b.Property(e => e.ComponentInstance).HasMaxLength(50);
        b.Property(e => e.Variable).HasMaxLength(50);
        b.Property(e => e.VariableInstance).HasMaxLength(50);
        b.Property(e => e.Trigger).HasMaxLength(50);
        b.Property(e => e.ActualValue).HasMaxLength(2500);
        b.Property(e => e.TechCode).HasMaxLength(50);
        b.Property(e => e.TechInfo).HasMaxLength(500);
        b.Property(e => e.EventNotificationType).HasMaxLength(30);
        b.Property(e => e.TransactionId).HasMaxLength(36);
        b.HasIndex(e => new { e.StationId, e.At });
        b.HasIndex(e => e.ReceivedAt);
    }
}
