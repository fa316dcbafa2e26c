using ChargePortal.Web.Audit;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Ocpp.Diagnostics;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Data;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.Address).HasMaxLength(250);
        b.Property(s => s.City).HasMaxLength(120);
        b.Property(s => s.CountryCode).HasMaxLength(2);
        b.Property(s => s.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class SiteOwnershipConfiguration : IEntityTypeConfiguration<SiteOwnership>
{
    public void Configure(EntityTypeBuilder<SiteOwnership> b)
    {
        b.HasKey(o => new { o.SiteId, o.UserId });
        b.HasOne(o => o.Site).WithMany(s => s.Owners).HasForeignKey(o => o.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(o => o.User).WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> b)
    {
        b.Property(s => s.Id).HasMaxLength(Station.MaxIdLength);
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.Vendor).HasMaxLength(50);
        b.Property(s => s.Model).HasMaxLength(50);
        b.Property(s => s.SerialNumber).HasMaxLength(50);
        b.Property(s => s.FirmwareVersion).HasMaxLength(50);
        b.Property(s => s.PasswordHash).HasMaxLength(200);
        b.HasOne(s => s.Site).WithMany(s => s.Stations).HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(s => s.SiteId);
    }
}

internal sealed class ConnectorConfiguration : IEntityTypeConfiguration<Connector>
{
    public void Configure(EntityTypeBuilder<Connector> b)
    {
        b.HasOne(c => c.Station).WithMany(s => s.Connectors).HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.StationId, c.EvseId, c.ConnectorId }).IsUnique();
        b.Property(c => c.ErrorCode).HasMaxLength(50);
    }
}

internal sealed class IdTokenConfiguration : IEntityTypeConfiguration<IdToken>
{
    public void Configure(EntityTypeBuilder<IdToken> b)
    {
        b.Property(t => t.IdTag).HasMaxLength(IdToken.MaxIdTagLength);
        b.Property(t => t.ParentIdTag).HasMaxLength(IdToken.MaxIdTagLength);
        b.Property(t => t.Label).HasMaxLength(80);
        b.HasIndex(t => t.IdTag).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TransactionConfiguration : IEntityTypeConfiguration<ChargingTransaction>
{
    public void Configure(EntityTypeBuilder<ChargingTransaction> b)
    {
        b.ToTable("Transactions");
        b.Property(t => t.OcppTransactionId).HasMaxLength(36);
        b.Property(t => t.IdTag).HasMaxLength(IdToken.MaxIdTagLength);
        b.Property(t => t.StopReason).HasMaxLength(50);
        b.Property(t => t.Currency).HasMaxLength(3);
        b.Property(t => t.IdTokenType).HasMaxLength(20);
        b.Property(t => t.PricingNote).HasMaxLength(300);
        b.Property(t => t.ChargingState).HasMaxLength(16);

        // The station's own transaction id is unique per station: this is what makes a
        // replayed StartTransaction/TransactionEvent land on the existing session.
        b.HasIndex(t => new { t.StationId, t.OcppTransactionId }).IsUnique();
        b.HasIndex(t => new { t.StationId, t.StartedAt });
        b.HasIndex(t => t.UserId);
        b.HasOne(t => t.Station).WithMany().HasForeignKey(t => t.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MeterValueConfiguration : IEntityTypeConfiguration<MeterValue>
{
    public void Configure(EntityTypeBuilder<MeterValue> b)
    {
        b.Property(m => m.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(m => m.Measurand).HasMaxLength(50);
        b.Property(m => m.Phase).HasMaxLength(8);
        b.Property(m => m.Unit).HasMaxLength(16);
        b.Property(m => m.Context).HasMaxLength(32);
        b.Property(m => m.Location).HasMaxLength(16);
        b.HasIndex(m => new { m.TransactionId, m.Timestamp });
        b.HasIndex(m => new { m.StationId, m.Timestamp });
    }
}

internal sealed class TariffConfiguration : IEntityTypeConfiguration<Tariff>
{
    public void Configure(EntityTypeBuilder<Tariff> b)
    {
        b.Property(t => t.Name).HasMaxLength(120);
        b.Property(t => t.Currency).HasMaxLength(3);
        b.Property(t => t.StationId).HasMaxLength(Station.MaxIdLength);
        b.HasOne(t => t.Site).WithMany().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Periods).WithOne().HasForeignKey(p => p.TariffId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.SiteId, t.EffectiveFrom });
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> b)
    {
        b.Property(r => r.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(r => r.IdTag).HasMaxLength(IdToken.MaxIdTagLength);
        b.HasOne(r => r.Connector).WithMany().HasForeignKey(r => r.ConnectorRefId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.ConnectorRefId, r.StartsAt });
        b.HasIndex(r => new { r.UserId, r.Status });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.ProviderPaymentId).HasMaxLength(255);
        b.Property(p => p.ProviderCustomerId).HasMaxLength(255);
        b.Property(p => p.PaymentMethodId).HasMaxLength(255);
        b.Property(p => p.FailureReason).HasMaxLength(500);
        b.HasIndex(p => p.ProviderPaymentId);
        b.HasIndex(p => p.TransactionId);
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> b)
    {
        b.HasKey(e => e.EventId);
        b.Property(e => e.EventId).HasMaxLength(255);
        b.Property(e => e.Type).HasMaxLength(100);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(a => a.Outcome).HasMaxLength(256);
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.StationId);
    }
}

internal sealed class OcppMessageLogEntryConfiguration : IEntityTypeConfiguration<OcppMessageLogEntry>
{
    public void Configure(EntityTypeBuilder<OcppMessageLogEntry> b)
    {
        b.ToTable("OcppMessageLog");
        b.Property(m => m.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(m => m.MessageId).HasMaxLength(36);
        b.Property(m => m.Action).HasMaxLength(64);
        b.HasIndex(m => new { m.StationId, m.At });
        b.HasIndex(m => m.At);
    }
}

internal sealed class DiagnosticsUploadConfiguration : IEntityTypeConfiguration<DiagnosticsUpload>
{
    public void Configure(EntityTypeBuilder<DiagnosticsUpload> b)
    {
        b.Property(u => u.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(u => u.Token).HasMaxLength(64);
        b.Property(u => u.FileName).HasMaxLength(255);
        b.Property(u => u.ContentType).HasMaxLength(100);
        b.Property(u => u.LogType).HasConversion<string>().HasMaxLength(32);
        b.Property(u => u.Status).HasMaxLength(64);
        b.HasIndex(u => u.Token).IsUnique();
        b.HasIndex(u => new { u.StationId, u.RequestId });
        b.HasMany(u => u.Statuses).WithOne().HasForeignKey(e => e.DiagnosticsUploadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LogStatusEntryConfiguration : IEntityTypeConfiguration<LogStatusEntry>
{
    public void Configure(EntityTypeBuilder<LogStatusEntry> b) => b.Property(e => e.Status).HasMaxLength(64);
}
