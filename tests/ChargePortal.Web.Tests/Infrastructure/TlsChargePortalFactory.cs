using System.Net;
using System.Net.WebSockets;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// The host on two real Kestrel sockets: plain HTTP and HTTPS with a server certificate made for this run, asking
/// stations for client certificates (README "Connect a charging station"). A test CA issues station certificates;
/// its CRL file revokes <see cref="RevokedSerial"/>.
/// </summary>
public class TlsChargePortalFactory : ChargePortalFactory
{
    private readonly string _pkiDirectory = Directory.CreateTempSubdirectory("chargeportal-pki-").FullName;
    private Uri? _plain;
    private Uri? _tls;

    public TlsChargePortalFactory()
    {
        Authority = TestPki.CreateAuthority("ChargePortal Test Station CA");
        ServerCertificate = TestPki.Issue(Authority, "localhost", serverAuth: true);
        RevokedSerial = RandomNumberGenerator.GetBytes(8);
        File.WriteAllText(AuthorityPath, Authority.ExportCertificatePem());
        File.WriteAllText(RevocationListPath, TestPki.CrlPem(Authority, RevokedSerial));
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 ServerCertificate { get; }

    public byte[] RevokedSerial { get; }

    public string AuthorityPath => Path.Combine(_pkiDirectory, "station-ca.pem");

    public string RevocationListPath => Path.Combine(_pkiDirectory, "station-ca.crl.pem");

    public Uri PlainOcppUri => new($"ws://{Start().Plain.Authority}/ocpp/");

    public Uri TlsOcppUri => new($"wss://{Start().Tls.Authority}/ocpp/");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpp:CallTimeoutSeconds"] = "10",
        ["Ocpp:AllowUnknownStations"] = "false",
        ["Ocpp:ClientCertificateAuthorityPath"] = AuthorityPath,
        ["Ocpp:ClientCertificateRevocationListPath"] = RevocationListPath,
    };

    public HttpClient CreateApi()
    {
        var client = new HttpClient { BaseAddress = Start().Plain };
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevelopmentApiKey);
        return client;
    }

    /// <summary>Station-side TLS: trust only the test CA for the server, present <paramref name="clientCertificate"/> if any.</summary>
    public Action<ClientWebSocketOptions> Tls(X509Certificate2? clientCertificate = null) => options =>
    {
        if (clientCertificate is not null)
        {
            options.ClientCertificates = [clientCertificate];
        }

        options.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is X509Certificate2 server && TestPki.IsIssuedBy(server, Authority);
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
            {
                https.ServerCertificate = ServerCertificate;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            }));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Authority.Dispose();
        ServerCertificate.Dispose();
        Directory.Delete(_pkiDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private (Uri Plain, Uri Tls) Start()
    {
        if (_plain is null || _tls is null)
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            _plain = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)) + "/");
            _tls = new Uri(addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)) + "/");
        }

        return (_plain, _tls);
    }
}

/// <summary>Certificates for tests, made with CertificateRequest: CAs, leaves whose CN is a station id, CRLs.</summary>
public static class TestPki
{
    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=ChargePortal Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A leaf for <paramref name="commonName"/> signed by <paramref name="issuer"/>, with its private key.</summary>
    public static X509Certificate2 Issue(X509Certificate2 issuer, string commonName, bool serverAuth = false, byte[]? serial = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=ChargePortal Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var signed = request.Create(issuer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial ?? RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);

        // SslStream on Linux wants a certificate whose key it can export to OpenSSL: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A self-signed certificate for <paramref name="commonName"/>: nobody vouches for it.</summary>
    public static X509Certificate2 SelfSigned(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public static string CrlPem(X509Certificate2 issuer, params byte[][] revokedSerials)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var serial in revokedSerials)
        {
            builder.AddEntry(serial, DateTimeOffset.UtcNow.AddHours(-1), X509RevocationReason.KeyCompromise);
        }

        var der = builder.Build(issuer, BigInteger.One, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256);
        return PemEncoding.WriteString("X509 CRL", der);
    }

    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        return chain.Build(certificate);
    }
}
