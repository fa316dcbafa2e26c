using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.Property(a => a.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(a => a.Message).HasMaxLength(500);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        b.Property(a => a.AcknowledgedByUserId).HasMaxLength(450);
        b.Property(a => a.OpenKey).HasMaxLength(128);
        b.HasIndex(a => new { a.StationId, a.ClearedAt });
        b.HasIndex(a => a.OpenKey).IsUnique();
        b.HasIndex(a => new { a.AcknowledgedAt, a.RaisedAt });
        b.HasIndex(a => new { a.StationId, a.RaisedAt });
    }
}
