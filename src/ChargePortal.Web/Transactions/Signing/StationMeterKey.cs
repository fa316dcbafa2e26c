using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>
/// The public key of a station's calibrated meter, per EVSE (1.6: connector; 0 when the station has one for all):
/// signed values often come without it (PublicKeyWithSignedMeterValue = Never), so the transparency file takes it
/// from here. Learnt from a signed value's publicKey, or from the 1.6 MeterPublicKey[N] / 2.0.1 FiscalMetering.PublicKey
/// configuration answers.
/// </summary>
public sealed class StationMeterKey
{
    public required string StationId { get; set; }
    public int EvseId { get; set; }

    /// <summary>As the station reported it (whitepaper 3.2.2: base64 of <c>oca:base16:asn1:…</c>).</summary>
    public required string PublicKey { get; set; }

    /// <summary>Where it was learnt: a signed value, or the configuration key/variable.</summary>
    public required string Source { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StationMeterKeyConfiguration : IEntityTypeConfiguration<StationMeterKey>
{
    public void Configure(EntityTypeBuilder<StationMeterKey> b)
    {
        b.ToTable("StationMeterKeys");
        b.HasKey(k => new { k.StationId, k.EvseId });
        b.Property(k => k.StationId).HasMaxLength(Stations.Station.MaxIdLength);
        b.Property(k => k.Source).HasMaxLength(64);
        b.HasOne<Stations.Station>().WithMany().HasForeignKey(k => k.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
