using ChargePortal.Web.Roaming.Cdrs;
using ChargePortal.Web.Roaming.Outbox;
using ChargePortal.Web.Roaming.Sessions;
using ChargePortal.Web.Roaming.Tokens;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Roaming.Partners;

internal sealed class RoamingPartnerConfiguration : IEntityTypeConfiguration<RoamingPartner>
{
    public void Configure(EntityTypeBuilder<RoamingPartner> b)
    {
        b.ToTable("RoamingPartners");
        b.Property(p => p.Name).HasMaxLength(RoamingPartner.MaxNameLength);
        b.Property(p => p.CountryCode).HasMaxLength(2);
        b.Property(p => p.PartyId).HasMaxLength(3);
        b.Property(p => p.InboundTokenHash).HasMaxLength(64);
        b.HasIndex(p => p.InboundTokenHash).IsUnique();
        b.Property(p => p.OutboundToken).HasMaxLength(64);
        b.Property(p => p.VersionsUrl).HasMaxLength(255);
        b.Property(p => p.Version).HasMaxLength(16);
        b.Property(p => p.LastHandshakeError).HasMaxLength(1000);
        b.HasMany(p => p.PublishedSites).WithOne().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoamingPartnerSiteConfiguration : IEntityTypeConfiguration<RoamingPartnerSite>
{
    public void Configure(EntityTypeBuilder<RoamingPartnerSite> b)
    {
        b.ToTable("RoamingPartnerSites");
        b.HasKey(s => new { s.PartnerId, s.SiteId });
        b.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoamingModuleActivityConfiguration : IEntityTypeConfiguration<RoamingModuleActivity>
{
    public void Configure(EntityTypeBuilder<RoamingModuleActivity> b)
    {
        b.ToTable("RoamingModuleActivity");
        b.HasKey(a => new { a.PartnerId, a.Module });
        b.Property(a => a.Module).HasMaxLength(32);
        b.Property(a => a.LastPushError).HasMaxLength(1000);
        b.HasOne<RoamingPartner>().WithMany().HasForeignKey(a => a.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoamingOutboxMessageConfiguration : IEntityTypeConfiguration<RoamingOutboxMessage>
{
    public void Configure(EntityTypeBuilder<RoamingOutboxMessage> b)
    {
        b.ToTable("RoamingOutbox");
        b.Property(m => m.Module).HasMaxLength(32);
        b.Property(m => m.Method).HasMaxLength(8);
        b.Property(m => m.Path).HasMaxLength(300);
        b.Property(m => m.AbsoluteUrl).HasMaxLength(512);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.PartnerId, m.Id });
        b.HasOne<RoamingPartner>().WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoamingTokenConfiguration : IEntityTypeConfiguration<RoamingToken>
{
    public void Configure(EntityTypeBuilder<RoamingToken> b)
    {
        b.ToTable("RoamingTokens");
        b.Property(t => t.CountryCode).HasMaxLength(2);
        b.Property(t => t.PartyId).HasMaxLength(3);
        b.Property(t => t.Uid).HasMaxLength(36);
        b.Property(t => t.ContractId).HasMaxLength(36);
        b.Property(t => t.VisualNumber).HasMaxLength(64);
        b.Property(t => t.Issuer).HasMaxLength(64);
        b.Property(t => t.GroupId).HasMaxLength(36);
        b.Property(t => t.Language).HasMaxLength(2);
        b.Property(t => t.AuthorizationReference).HasMaxLength(36);
        b.HasIndex(t => new { t.CountryCode, t.PartyId, t.Uid, t.Type }).IsUnique();
        b.HasIndex(t => t.Uid);
        b.HasOne<RoamingPartner>().WithMany().HasForeignKey(t => t.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoamingSessionConfiguration : IEntityTypeConfiguration<RoamingSession>
{
    public void Configure(EntityTypeBuilder<RoamingSession> b)
    {
        b.ToTable("RoamingSessions");
        b.Property(s => s.Id).HasMaxLength(36);
        b.Property(s => s.LocationId).HasMaxLength(36);
        b.Property(s => s.EvseUid).HasMaxLength(36);
        b.Property(s => s.TokenCountryCode).HasMaxLength(2);
        b.Property(s => s.TokenPartyId).HasMaxLength(3);
        b.Property(s => s.TokenUid).HasMaxLength(36);
        b.Property(s => s.ContractId).HasMaxLength(36);
        b.Property(s => s.AuthorizationReference).HasMaxLength(36);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.HasIndex(s => s.TransactionId).IsUnique();
        b.HasIndex(s => new { s.PartnerId, s.LastUpdatedTicks });
        b.HasOne<ChargingTransaction>().WithMany().HasForeignKey(s => s.TransactionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RoamingPartner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoamingCdrConfiguration : IEntityTypeConfiguration<RoamingCdr>
{
    public void Configure(EntityTypeBuilder<RoamingCdr> b)
    {
        b.ToTable("RoamingCdrs");
        b.Property(c => c.Id).HasMaxLength(39);
        b.Property(c => c.SessionId).HasMaxLength(36);
        b.HasIndex(c => c.SessionId).IsUnique();
        b.HasIndex(c => new { c.PartnerId, c.LastUpdatedTicks });
        b.HasOne<RoamingPartner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoamingReservationConfiguration : IEntityTypeConfiguration<Commands.RoamingReservation>
{
    public void Configure(EntityTypeBuilder<Commands.RoamingReservation> b)
    {
        b.ToTable("RoamingReservations");
        b.Property(r => r.ReservationId).HasMaxLength(36);
        b.Property(r => r.StationId).HasMaxLength(Stations.Station.MaxIdLength);
        b.HasIndex(r => new { r.PartnerId, r.ReservationId }).IsUnique();
        b.HasOne<RoamingPartner>().WithMany().HasForeignKey(r => r.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
