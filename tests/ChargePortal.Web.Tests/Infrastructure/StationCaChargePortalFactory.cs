using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// <see cref="TlsChargePortalFactory"/> with the CSMS's own station CA configured (StationCa): a second CA made in the
/// test run, its key written as an encrypted PKCS#8 PEM opened with a password, as an operator would keep it.
/// </summary>
public sealed class StationCaChargePortalFactory : TlsChargePortalFactory
{
    public const string Organization = "ChargePortal Operator";
    private const string KeyPassword = "station-ca-key-password";

    private readonly string _caDirectory = Directory.CreateTempSubdirectory("chargeportal-station-ca-").FullName;

    public StationCaChargePortalFactory()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=ChargePortal Station Issuing CA, O={Organization}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        StationCa = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        File.WriteAllText(StationCaCertificatePath, StationCa.ExportCertificatePem());
        File.WriteAllText(StationCaKeyPath, PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", key.ExportEncryptedPkcs8PrivateKey(KeyPassword,
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000))));
    }

    /// <summary>The CSMS's issuing CA (public certificate; the key is only in the file the host reads).</summary>
    public X509Certificate2 StationCa { get; }

    public string StationCaCertificatePath => Path.Combine(_caDirectory, "issuing-ca.pem");

    public string StationCaKeyPath => Path.Combine(_caDirectory, "issuing-ca.key.pem");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["StationCa:CertificatePath"] = StationCaCertificatePath,
        ["StationCa:KeyPath"] = StationCaKeyPath,
        ["StationCa:KeyPassword"] = KeyPassword,
        ["StationCa:CertificateValidityDays"] = "20",
        ["StationCa:ExpiryWarningDays"] = "30",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        StationCa.Dispose();
        Directory.Delete(_caDirectory, recursive: true);
    }
}
