using System.Security.Cryptography;
using System.Text;

namespace ChargePortal.Web.Tests.SignedMeterValues;

/// <summary>
/// A meter that really signs: OCMF readings signed with ECDSA secp256r1 / SHA-256 (DER, hex) as calibrated meters do,
/// and its public key as the OCA whitepaper has stations report it (base64 of <c>oca:base16:asn1:HEX</c>).
/// </summary>
internal sealed class OcmfSamples : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The SubjectPublicKeyInfo (ASN.1 DER) in hex, as printed on the meter.</summary>
    public string PrintedKeyHex => Convert.ToHexString(_key.ExportSubjectPublicKeyInfo());

    /// <summary>The key as the whitepaper's publicKey field and MeterPublicKey[N] carry it.</summary>
    public string WhitepaperPublicKey => Convert.ToBase64String(Encoding.ASCII.GetBytes("oca:base16:asn1:" + PrintedKeyHex));

    /// <summary>An OCMF string: header, payload with one reading (TX B begin / E end), signature over the payload.</summary>
    public string Reading(string transactionMark, decimal kWh, DateTimeOffset at, string idTag)
    {
        var payload = "{\"FV\":\"1.0\",\"GI\":\"TEST METER\",\"GS\":\"SN-1\",\"PG\":\"T1\",\"IS\":true,\"IT\":\"ISO14443\",\"ID\":\"" + idTag
            + "\",\"RD\":[{\"TM\":\"" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss,fff", System.Globalization.CultureInfo.InvariantCulture)
            + "+0000 S\",\"TX\":\"" + transactionMark + "\",\"RV\":" + kWh.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)
            + ",\"RI\":\"01-00:B0.08.00*FF\",\"RU\":\"kWh\",\"ST\":\"G\"}]}";
        var signature = _key.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return $"OCMF|{payload}|{{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"{Convert.ToHexString(signature)}\"}}";
    }

    /// <summary>Checks an OCMF string against a hex public key the way the transparency software does.</summary>
    public static bool Verifies(string ocmf, string publicKeyHex)
    {
        var parts = ocmf.Split('|');
        var sd = System.Text.Json.JsonDocument.Parse(parts[2]).RootElement.GetProperty("SD").GetString()!;
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromHexString(publicKeyHex), out _);
        return key.VerifyData(Encoding.UTF8.GetBytes(parts[1]), Convert.FromHexString(sd), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public void Dispose() => _key.Dispose();
}
