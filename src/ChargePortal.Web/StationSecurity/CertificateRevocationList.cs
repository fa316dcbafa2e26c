using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePortal.Web.StationSecurity;

/// <summary>
/// An X.509 CRL (RFC 5280 5.1) read for one purpose: is a certificate's serial on it. .NET's chain builder only fetches
/// CRLs from distribution points; a CSMS trusts the operator's CRL file, checked against the CA that signed it.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly HashSet<string> _revokedSerials;

    private CertificateRevocationList(X500DistinguishedName issuer, HashSet<string> revokedSerials, DateTimeOffset? nextUpdate)
    {
        Issuer = issuer;
        _revokedSerials = revokedSerials;
        NextUpdate = nextUpdate;
    }

    public X500DistinguishedName Issuer { get; }

    public DateTimeOffset? NextUpdate { get; }

    public int Count => _revokedSerials.Count;

    /// <summary>Whether <paramref name="certificate"/> (issued by this CRL's issuer) is revoked.</summary>
    public bool Revokes(X509Certificate2 certificate) =>
        certificate.IssuerName.RawData.AsSpan().SequenceEqual(Issuer.RawData) && _revokedSerials.Contains(Normalize(certificate.SerialNumberBytes.Span, bigEndian: true));

    /// <summary>Reads the CRLs in a PEM (one or more "X509 CRL" blocks) or DER file.</summary>
    public static IReadOnlyList<byte[]> ReadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return [bytes];
        }

        var crls = new List<byte[]>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].SequenceEqual("X509 CRL"))
            {
                crls.Add(Convert.FromBase64String(rest[fields.Base64Data].ToString()));
            }

            rest = rest[fields.Location.End..];
        }

        return crls;
    }

    /// <summary>
    /// Parses a DER CRL and checks its signature against <paramref name="authorities"/>; null when no trusted authority
    /// signed it (an unsigned or forged list revokes nothing and is reported by the caller).
    /// </summary>
    public static CertificateRevocationList? Load(byte[] der, X509Certificate2Collection authorities)
    {
        var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = list.ReadEncodedValue();
        var signatureAlgorithm = list.ReadSequence().ReadObjectIdentifier();
        var signature = list.ReadBitString(out _);

        var reader = new AsnReader(tbs, AsnEncodingRules.DER).ReadSequence();
        if (reader.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            reader.ReadInteger();
        }

        reader.ReadSequence();
        var issuer = new X500DistinguishedName(reader.ReadEncodedValue().Span);
        ReadTime(reader);
        DateTimeOffset? nextUpdate = reader.HasData && IsTime(reader.PeekTag()) ? ReadTime(reader) : null;
        var serials = new HashSet<string>(StringComparer.Ordinal);
        if (reader.HasData && reader.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = reader.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                serials.Add(Normalize(entry.ReadIntegerBytes().Span, bigEndian: true));
            }
        }

        var signer = authorities.FirstOrDefault(ca => ca.SubjectName.RawData.AsSpan().SequenceEqual(issuer.RawData)
            && Verify(ca, signatureAlgorithm, tbs.Span, signature));
        return signer is null ? null : new CertificateRevocationList(issuer, serials, nextUpdate);
    }

    private static bool Verify(X509Certificate2 ca, string algorithm, ReadOnlySpan<byte> data, byte[] signature)
    {
        var hash = algorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        using var rsa = ca.GetRSAPublicKey();
        if (rsa is not null)
        {
            return algorithm.StartsWith("1.2.840.113549", StringComparison.Ordinal) && rsa.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = ca.GetECDsaPublicKey();
        return ecdsa is not null && algorithm.StartsWith("1.2.840.10045", StringComparison.Ordinal)
            && ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static bool IsTime(Asn1Tag tag) => tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    /// <summary>A serial as its unsigned big-endian hex without leading zeros, so "00A1" and "A1" match.</summary>
    private static string Normalize(ReadOnlySpan<byte> serial, bool bigEndian)
    {
        var value = new BigInteger(serial, isUnsigned: true, isBigEndian: bigEndian);
        return value.ToString("X", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0');
    }
}
