using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePortal.Web.Tests.PlugAndCharge;

/// <summary>A certificate authority of the test PKI with its key (the OCSP stand-in signs its answers with it).</summary>
public sealed record TestAuthority(X509Certificate2 Certificate, ECDsa Key)
{
    /// <summary>SHA-256 of the authority's public key, as OCSP's issuerKeyHash writes it.</summary>
    public string KeyHash => Convert.ToHexStringLower(SHA256.HashData(Certificate.PublicKey.EncodedKeyValue.RawData));

    public string NameHash => Convert.ToHexStringLower(SHA256.HashData(Certificate.SubjectName.RawData));
}

/// <summary>
/// The ISO 15118 PKI made in the test run: V2G root → V2G sub-CA → SECC leaf (the station's), contract root → contract
/// sub-CA → eMAID leaves. Every non-root certificate names the OCSP stand-in as its responder (AIA).
/// </summary>
public sealed class Iso15118Pki : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public Iso15118Pki(Uri ocspResponder)
    {
        OcspResponder = ocspResponder;
        V2gRoot = Authority("V2G Root CA", issuer: null);
        V2gSubCa = Authority("V2G Sub-CA 1", V2gRoot);
        ContractRoot = Authority("Contract Root CA", issuer: null);
        ContractSubCa = Authority("Contract Sub-CA 1", ContractRoot);
    }

    public Uri OcspResponder { get; }

    public TestAuthority V2gRoot { get; }

    public TestAuthority V2gSubCa { get; }

    public TestAuthority ContractRoot { get; }

    public TestAuthority ContractSubCa { get; }

    public IEnumerable<TestAuthority> Authorities => [V2gRoot, V2gSubCa, ContractRoot, ContractSubCa];

    /// <summary>The station's SECC certificate, issued by the V2G sub-CA.</summary>
    public X509Certificate2 Secc(string stationId) => Leaf(stationId, V2gSubCa, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

    /// <summary>An eMAID's contract certificate, issued by the contract sub-CA.</summary>
    public X509Certificate2 Contract(string emaid, DateTimeOffset? notAfter = null) =>
        Leaf(emaid, ContractSubCa, DateTimeOffset.UtcNow.AddDays(-30), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));

    /// <summary>OCPP's OCSPRequestData for <paramref name="certificate"/> issued by <paramref name="issuer"/>.</summary>
    public System.Text.Json.Nodes.JsonObject HashData(X509Certificate2 certificate, TestAuthority issuer) => new()
    {
        ["hashAlgorithm"] = "SHA256",
        ["issuerNameHash"] = issuer.NameHash,
        ["issuerKeyHash"] = issuer.KeyHash,
        ["serialNumber"] = Serial(certificate),
        ["responderURL"] = OcspResponder.AbsoluteUri,
    };

    /// <summary>Lower-case hex without leading zeros, as OCPP writes serial numbers.</summary>
    public static string Serial(X509Certificate2 certificate) => certificate.SerialNumber.ToLowerInvariant().TrimStart('0') is { Length: > 0 } s ? s : "0";

    public static string Pem(params X509Certificate2[] chain) => string.Join("\n", chain.Select(c => c.ExportCertificatePem()));

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    /// <summary>A positive serial (the top bit clear), as RFC 5280 asks.</summary>
    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        return serial;
    }

    private TestAuthority Authority(string name, TestAuthority? issuer)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=ChargePortal Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, issuer is not null, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        X509Certificate2 certificate;
        if (issuer is null)
        {
            certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddYears(5));
        }
        else
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Certificate, true, false));
            request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([OcspResponder.AbsoluteUri], null));
            using var signed = request.Create(issuer.Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(issuer.Key),
                DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddYears(3), NewSerial());
            certificate = signed.CopyWithPrivateKey(key);
        }

        _owned.Add(key);
        _owned.Add(certificate);
        return new TestAuthority(certificate, key);
    }

    private X509Certificate2 Leaf(string commonName, TestAuthority issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=ChargePortal Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer.Certificate, true, false));
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension([OcspResponder.AbsoluteUri], null));
        var certificate = request.Create(issuer.Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(issuer.Key), notBefore, notAfter,
            NewSerial());
        _owned.Add(certificate);
        return certificate;
    }
}
