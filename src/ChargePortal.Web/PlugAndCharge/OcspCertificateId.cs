using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargePortal.Ocpp.V201;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using BcCertId = Org.BouncyCastle.Asn1.Ocsp.CertID;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>
/// The certificate an OCSP request asks about (RFC 6960 CertID): hashes of the issuer's name and key, and the serial.
/// Hashes and serial are lower-case hex as OCPP's OCSPRequestDataType writes them.
/// </summary>
public sealed record OcspCertificateId(HashAlgorithmEnum HashAlgorithm, string IssuerNameHash, string IssuerKeyHash, string SerialNumber)
{
    /// <summary>From the station's OCSPRequestData; null (with the reason) when a field is not hex of the right length.</summary>
    public static OcspCertificateId? From(OCSPRequestData data, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(data);
        var length = HashLength(data.HashAlgorithm);
        problem = null;
        if (!IsHex(data.IssuerNameHash, length))
        {
            problem = $"issuerNameHash is not a {data.HashAlgorithm} hash in hex.";
        }
        else if (!IsHex(data.IssuerKeyHash, length))
        {
            problem = $"issuerKeyHash is not a {data.HashAlgorithm} hash in hex.";
        }
        else if (data.SerialNumber.Length == 0 || !data.SerialNumber.All(char.IsAsciiHexDigit))
        {
            problem = "serialNumber is not hex.";
        }

        return problem is null
            ? new OcspCertificateId(data.HashAlgorithm, data.IssuerNameHash.ToLowerInvariant(), data.IssuerKeyHash.ToLowerInvariant(), Normalize(data.SerialNumber))
            : null;
    }

    /// <summary>The id of <paramref name="certificate"/> as issued by <paramref name="issuer"/> (SHA-256, as ISO 15118-2 uses).</summary>
    public static OcspCertificateId Of(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        return new OcspCertificateId(HashAlgorithmEnum.SHA256,
            Convert.ToHexStringLower(SHA256.HashData(issuer.SubjectName.RawData)),
            Convert.ToHexStringLower(SHA256.HashData(issuer.PublicKey.EncodedKeyValue.RawData)),
            Normalize(certificate.SerialNumber));
    }

    /// <summary>RFC 6960's CertID, as an OCSP request carries it and a response echoes it.</summary>
    public BcCertId ToCertId() => new(
        new AlgorithmIdentifier(Oid(HashAlgorithm)),
        new DerOctetString(Convert.FromHexString(IssuerNameHash)),
        new DerOctetString(Convert.FromHexString(IssuerKeyHash)),
        new DerInteger(new BigInteger(SerialNumber, 16)));

    /// <summary>Whether a response's CertID names this certificate (the hash parameters' encoding does not matter).</summary>
    public bool Matches(BcCertId other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.HashAlgorithm.Algorithm.Equals(Oid(HashAlgorithm))
            && Convert.ToHexStringLower(other.IssuerNameHash.GetOctets()) == IssuerNameHash
            && Convert.ToHexStringLower(other.IssuerKeyHash.GetOctets()) == IssuerKeyHash
            && other.SerialNumber.Value.Equals(new BigInteger(SerialNumber, 16));
    }

    public byte[] Hash(byte[] data) => HashAlgorithm switch
    {
        HashAlgorithmEnum.SHA384 => SHA384.HashData(data),
        HashAlgorithmEnum.SHA512 => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };

    private static DerObjectIdentifier Oid(HashAlgorithmEnum algorithm) => algorithm switch
    {
        HashAlgorithmEnum.SHA384 => NistObjectIdentifiers.IdSha384,
        HashAlgorithmEnum.SHA512 => NistObjectIdentifiers.IdSha512,
        _ => NistObjectIdentifiers.IdSha256,
    };

    private static int HashLength(HashAlgorithmEnum algorithm) => algorithm switch
    {
        HashAlgorithmEnum.SHA384 => 48,
        HashAlgorithmEnum.SHA512 => 64,
        _ => 32,
    };

    /// <summary>Lower-case hex without leading zeros, as OCPP writes serial numbers.</summary>
    private static string Normalize(string serial)
    {
        var trimmed = serial.Trim().ToLowerInvariant().TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    private static bool IsHex(string value, int bytes) => value.Length == bytes * 2 && value.All(char.IsAsciiHexDigit);
}
