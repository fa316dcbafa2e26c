using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>
/// A station certificate as the API lists it (DESIGN.md "Station security": type, subject, issuer, serial, notBefore,
/// notAfter, hash data); <see cref="Source"/> says whether the CSMS issued it or the station reported it.
/// </summary>
public sealed record StationCertificateDto(
    long Id,
    string Source,
    string Type,
    string? Subject,
    string? Issuer,
    string Serial,
    DateTimeOffset? NotBefore,
    DateTimeOffset? NotAfter,
    CertificateHashDto HashData,
    DateTimeOffset RecordedAt,
    string? DeliveryStatus);

/// <summary>OCPP CertificateHashData, as the API writes it and delete-certificate takes it.</summary>
public sealed record CertificateHashDto(string HashAlgorithm, string IssuerNameHash, string IssuerKeyHash, string SerialNumber);

/// <summary>The certificates the CSMS issued to stations and the ones stations reported installed.</summary>
public sealed class StationCertificateStore(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time)
{
    public const string ChargingStationCertificate = "ChargingStationCertificate";

    /// <summary>OCPP's hash data of <paramref name="certificate"/> issued by <paramref name="issuer"/> (SHA-256, as OCSP's CertID).</summary>
    public static CertificateHash HashOf(X509Certificate2 certificate, X509Certificate2 issuer) => new(
        "SHA256",
        Convert.ToHexStringLower(SHA256.HashData(certificate.IssuerName.RawData)),
        Convert.ToHexStringLower(SHA256.HashData(issuer.PublicKey.EncodedKeyValue.RawData)),
        NormalizeSerial(certificate.SerialNumber));

    /// <summary>A serial as lower-case hex without leading zeros, so stations' spellings compare equal.</summary>
    public static string NormalizeSerial(string serial)
    {
        var trimmed = serial.Trim().Replace(":", "", StringComparison.Ordinal).TrimStart('0').ToLowerInvariant();
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    public async Task<long> RecordIssuedAsync(string stationId, X509Certificate2 certificate, X509Certificate2 issuer, CancellationToken ct)
    {
        var entity = Record(stationId, StationCertificateSource.Issued, ChargingStationCertificate, certificate, HashOf(certificate, issuer));
        entity.DeliveryStatus = "Pending";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.StationCertificates.Add(entity);
        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        return entity.Id;
    }

    /// <summary>The row for <paramref name="certificate"/>: its details as the CSMS read them, with OCPP's hash data.</summary>
    private StationCertificate Record(string stationId, StationCertificateSource source, string type, X509Certificate2 certificate, CertificateHash hash) => new()
    {
        StationId = stationId,
        Source = source,
        CertificateType = type,
        Subject = Truncate(certificate.Subject),
        Issuer = Truncate(certificate.Issuer),
        SerialNumber = hash.SerialNumber,
        NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
        NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
        HashAlgorithm = hash.HashAlgorithm,
        IssuerNameHash = hash.IssuerNameHash,
        IssuerKeyHash = hash.IssuerKeyHash,
        Pem = certificate.ExportCertificatePem(),
        RecordedAt = time.GetUtcNow(),
    };

    /// <summary>A certificate the CSMS installed on the station (M05): listed as reported, with the details only the CSMS knows.</summary>
    public async Task RecordInstalledAsync(string stationId, InstalledCertificateKind kind, X509Certificate2 certificate, CancellationToken ct)
    {
        // A root is its own issuer; for anything else the issuer's key is not at hand and the next refresh lists it.
        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return;
        }

        var hash = HashOf(certificate, certificate);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.StationCertificates.RemoveRange(db.StationCertificates.Where(c => c.StationId == stationId && c.Source == StationCertificateSource.Reported
            && c.SerialNumber == hash.SerialNumber && c.IssuerNameHash == hash.IssuerNameHash));
        db.StationCertificates.Add(Record(stationId, StationCertificateSource.Reported, kind.ToString(), certificate, hash));
        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task RemoveAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using (await writeGate.EnterAsync(ct))
        {
            await db.StationCertificates.Where(c => c.Id == id).ExecuteDeleteAsync(ct);
        }
    }

    public async Task SetDeliveryStatusAsync(long id, string status, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using (await writeGate.EnterAsync(ct))
        {
            await db.StationCertificates.Where(c => c.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.DeliveryStatus, Truncate(status, StationCertificate.MaxStatusLength)), ct);
        }
    }

    /// <summary>Replaces what the station reported of <paramref name="kinds"/> with <paramref name="reported"/>.</summary>
    public async Task ReplaceReportedAsync(string stationId, IReadOnlyCollection<string> kinds, IReadOnlyList<InstalledCertificateId> reported, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var stale = await db.StationCertificates
            .Where(c => c.StationId == stationId && c.Source == StationCertificateSource.Reported && kinds.Contains(c.CertificateType))
            .ToListAsync(ct);
        db.StationCertificates.RemoveRange(stale);
        foreach (var item in reported)
        {
            // Details (subject, expiry) are known when the CSMS itself installed or issued the certificate: look it up by hash.
            var known = stale.FirstOrDefault(c => SameHash(c, item.Hash) && c.NotAfter is not null);
            db.StationCertificates.Add(new StationCertificate
            {
                StationId = stationId,
                Source = StationCertificateSource.Reported,
                CertificateType = item.Kind.ToString(),
                SerialNumber = NormalizeSerial(item.Hash.SerialNumber),
                HashAlgorithm = item.Hash.HashAlgorithm,
                IssuerNameHash = item.Hash.IssuerNameHash,
                IssuerKeyHash = item.Hash.IssuerKeyHash,
                Subject = known?.Subject,
                Issuer = known?.Issuer,
                NotBefore = known?.NotBefore,
                NotAfter = known?.NotAfter,
                Pem = known?.Pem,
                RecordedAt = now,
            });
        }

        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<IReadOnlyList<StationCertificateDto>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.StationCertificates.AsNoTracking().Where(c => c.StationId == stationId).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Source).ThenBy(c => c.CertificateType, StringComparer.Ordinal).ThenByDescending(c => c.RecordedAt).Select(ToDto)];
    }

    internal static StationCertificateDto ToDto(StationCertificate c) => new(
        c.Id, c.Source.ToString(), c.CertificateType, c.Subject, c.Issuer, c.SerialNumber, c.NotBefore, c.NotAfter,
        new CertificateHashDto(c.HashAlgorithm, c.IssuerNameHash, c.IssuerKeyHash, c.SerialNumber), c.RecordedAt, c.DeliveryStatus);

    private static bool SameHash(StationCertificate c, CertificateHash hash) =>
        string.Equals(c.IssuerNameHash, hash.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
        && string.Equals(c.IssuerKeyHash, hash.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
        && c.SerialNumber == NormalizeSerial(hash.SerialNumber);

    private static string Truncate(string text, int max = StationCertificate.MaxNameLength) => text.Length <= max ? text : text[..max];
}
