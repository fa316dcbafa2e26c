using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>
/// One signed sample of a session, stored as the station sent it (Eichrecht: the driver must be able to check the
/// reading the bill is based on). 2.0.1 signs a numeric sample (<see cref="Value"/> set); a 1.6 SignedData sample
/// carries only the signed data.
/// </summary>
public sealed class SignedMeterReading
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public int EvseId { get; set; }
    public long? TransactionId { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string Measurand { get; set; } = MeterSample.EnergyRegister;
    public string? Context { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }

    /// <summary>The 1.6 SampledValue format (<see cref="SignedReading.V16Format"/>) or, on 2.0.1, null.</summary>
    public string? Format { get; set; }
    public required string SignedMeterData { get; set; }
    public string? SigningMethod { get; set; }
    public string? EncodingMethod { get; set; }

    /// <summary>The key sent with this value; null when the station sent it separately (see <see cref="StationMeterKey"/>).</summary>
    public string? PublicKey { get; set; }
}

internal sealed class SignedMeterReadingConfiguration : IEntityTypeConfiguration<SignedMeterReading>
{
    public void Configure(EntityTypeBuilder<SignedMeterReading> b)
    {
        b.ToTable("SignedMeterReadings");
        b.Property(r => r.StationId).HasMaxLength(Stations.Station.MaxIdLength);
        b.Property(r => r.Measurand).HasMaxLength(50);
        b.Property(r => r.Context).HasMaxLength(32);
        b.Property(r => r.Unit).HasMaxLength(16);
        b.Property(r => r.Format).HasMaxLength(16);
        b.HasIndex(r => new { r.TransactionId, r.Timestamp });
        b.HasOne<ChargingTransaction>().WithMany().HasForeignKey(r => r.TransactionId).OnDelete(DeleteBehavior.Cascade);
    }
}
