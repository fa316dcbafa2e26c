using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>Where the CSMS learned of a station certificate.</summary>
public enum StationCertificateSource
{
    /// <summary>The CSMS's CA signed it from the station's CSR and sent it with CertificateSigned.</summary>
    Issued,

    /// <summary>The station listed it in a GetInstalledCertificateIds answer (only its hash data is known).</summary>
    Reported,
}

/// <summary>
/// One certificate on (or for) a station: one the CSMS issued (full details) or one the station reported installed
/// (its hash data, plus the details when the CSMS installed it itself).
/// </summary>
public sealed class StationCertificate
{
    public const int MaxTypeLength = 50;
    public const int MaxNameLength = 500;
    public const int MaxHashLength = 128;
    public const int MaxSerialLength = 40;
    public const int MaxStatusLength = 50;

    public long Id { get; set; }

    public required string StationId { get; set; }

    public StationCertificateSource Source { get; set; }

    /// <summary>OCPP's type: ChargingStationCertificate, CSMSRootCertificate (1.6 CentralSystemRootCertificate), ManufacturerRootCertificate …</summary>
    public required string CertificateType { get; set; }

    public string? Subject { get; set; }

    public string? Issuer { get; set; }

    /// <summary>The serial number as OCPP's hash data writes it: lower-case hex without leading zeros.</summary>
    public required string SerialNumber { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset? NotAfter { get; set; }

    public required string HashAlgorithm { get; set; }

    public required string IssuerNameHash { get; set; }

    public required string IssuerKeyHash { get; set; }

    /// <summary>The certificate itself (public), where the CSMS has it.</summary>
    public string? Pem { get; set; }

    /// <summary>When the CSMS issued it or last saw it reported.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>For an issued certificate: the station's CertificateSigned answer (Accepted/Rejected) or why it was not delivered.</summary>
    public string? DeliveryStatus { get; set; }
}

internal sealed class StationCertificateConfiguration : IEntityTypeConfiguration<StationCertificate>
{
    public void Configure(EntityTypeBuilder<StationCertificate> b)
    {
        b.ToTable("StationCertificates");
        b.Property(c => c.StationId).HasMaxLength(Station.MaxIdLength);
        b.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CertificateType).HasMaxLength(StationCertificate.MaxTypeLength);
        b.Property(c => c.Subject).HasMaxLength(StationCertificate.MaxNameLength);
        b.Property(c => c.Issuer).HasMaxLength(StationCertificate.MaxNameLength);
        b.Property(c => c.SerialNumber).HasMaxLength(StationCertificate.MaxSerialLength);
        b.Property(c => c.HashAlgorithm).HasMaxLength(10);
        b.Property(c => c.IssuerNameHash).HasMaxLength(StationCertificate.MaxHashLength);
        b.Property(c => c.IssuerKeyHash).HasMaxLength(StationCertificate.MaxHashLength);
        b.Property(c => c.DeliveryStatus).HasMaxLength(StationCertificate.MaxStatusLength);
        b.HasOne<Station>().WithMany().HasForeignKey(c => c.StationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.StationId, c.Source, c.SerialNumber });
        b.HasIndex(c => c.NotAfter);
    }
}
