using ChargePortal.Web.Stations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>What a firmware record is: an update of the station itself, or an image a local controller publishes (L03).</summary>
public enum FirmwareJobKind
{
    Update,
    Publish,
}

/// <summary>A firmware update (or publication) an operator asked a station for, with the statuses the station reported since.</summary>
public sealed class FirmwareUpdate
{
    public const int MaxLocationLength = 512;

    public int Id { get; set; }
    public required string StationId { get; set; }
    public Station? Station { get; set; }
    public FirmwareJobKind Kind { get; set; }

    /// <summary>The requestId the station's status notifications carry (2.0.1).</summary>
    public int? RequestId { get; set; }

    /// <summary>PublishFirmware: the image's MD5 as 32 hexadecimal digits.</summary>
    public string? Checksum { get; set; }
    public required string Location { get; set; }
    public DateTimeOffset RetrieveAt { get; set; }
    public int? Retries { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }

    /// <summary>The signature sent with the update (base64), when it was a signed one.</summary>
    public string? Signature { get; set; }

    /// <summary>The PEM signing certificate sent with the update (L01.FR.11).</summary>
    public string? SigningCertificate { get; set; }

    /// <summary>The station's answer to UpdateFirmware (1.6 has none: "Accepted" once it took the call).</summary>
    public required string Answer { get; set; }
    public List<FirmwareStatusEntry> Timeline { get; set; } = [];
}

/// <summary>One FirmwareStatusNotification, in the order received.</summary>
public sealed class FirmwareStatusEntry
{
    public long Id { get; set; }
    public int FirmwareUpdateId { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>PublishFirmwareStatusNotification: the URIs the local controller serves the image at, space-separated.</summary>
    public string? Detail { get; set; }
}

public sealed class FirmwareUpdateConfiguration : IEntityTypeConfiguration<FirmwareUpdate>
{
    public void Configure(EntityTypeBuilder<FirmwareUpdate> builder)
    {
        builder.Property(f => f.StationId).HasMaxLength(Station.MaxIdLength);
        builder.Property(f => f.Location).HasMaxLength(FirmwareUpdate.MaxLocationLength);
        builder.Property(f => f.RequestedBy).HasMaxLength(256);
        builder.Property(f => f.Answer).HasMaxLength(64);
        builder.Property(f => f.Signature).HasMaxLength(Ocpp.Commands.FirmwareSigning.MaxSignatureLength);
        builder.Property(f => f.SigningCertificate).HasMaxLength(Ocpp.Commands.FirmwareSigning.MaxCertificateLength);
        builder.Property(f => f.Checksum).HasMaxLength(32);
        builder.HasOne(f => f.Station).WithMany().HasForeignKey(f => f.StationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Timeline).WithOne().HasForeignKey(e => e.FirmwareUpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.StationId, f.RequestedAt });
    }
}

public sealed class FirmwareStatusEntryConfiguration : IEntityTypeConfiguration<FirmwareStatusEntry>
{
    public void Configure(EntityTypeBuilder<FirmwareStatusEntry> builder)
    {
        builder.Property(e => e.Status).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(2048);
    }
}
