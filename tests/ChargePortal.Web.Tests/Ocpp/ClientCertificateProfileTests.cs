using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Ocpp.Endpoint;
using ChargePortal.Web.Stations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// Security profile 3: the station proves itself with a TLS client certificate whose common name is its id, issued
/// by a CA the operator trusts (Ocpp:ClientCertificateAuthorityPath). Kestrel asks for the certificate
/// (ClientCertificateMode on the HTTPS endpoint); the authenticator decides.
/// </summary>
public sealed class ClientCertificateProfileTests : IDisposable
{
    private const string StationId = "CERT-01";
    private readonly string _directory = Directory.CreateTempSubdirectory("chargeportal-ca-").FullName;
    private readonly X509Certificate2 _trustedCa = CreateCa("ChargePortal Test CA");
    private readonly X509Certificate2 _otherCa = CreateCa("Somebody Else's CA");

    public void Dispose()
    {
        _trustedCa.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Certificate_for_the_station_from_the_trusted_ca_is_accepted()
    {
        using var certificate = Issue(_trustedCa, StationId);
        Authenticator(TrustedCaFile()).Check(Context(certificate), Profile3()).ShouldBeNull();
    }

    [Fact]
    public void No_certificate_is_refused()
    {
        Authenticator(TrustedCaFile()).Check(Context(null), Profile3()).ShouldBe("Security profile 3 requires a TLS client certificate.");
    }

    [Fact]
    public void Certificate_of_another_station_is_refused()
    {
        using var certificate = Issue(_trustedCa, "CERT-02");
        Authenticator(TrustedCaFile()).Check(Context(certificate), Profile3()).ShouldBe("The client certificate's common name is not the station id.");
    }

    [Fact]
    public void Certificate_from_an_untrusted_ca_is_refused()
    {
        using var certificate = Issue(_otherCa, StationId);
        Authenticator(TrustedCaFile()).Check(Context(certificate), Profile3()).ShouldBe("The client certificate is not issued by a trusted authority.");
    }

    [Fact]
    public void Self_signed_certificate_is_refused()
    {
        using var certificate = CreateCa(StationId);
        Authenticator(TrustedCaFile()).Check(Context(certificate), Profile3()).ShouldBe("The client certificate is not issued by a trusted authority.");
    }

    [Fact]
    public void With_no_trusted_ca_configured_nothing_is_accepted()
    {
        using var certificate = Issue(_trustedCa, StationId);
        Authenticator(null).Check(Context(certificate), Profile3()).ShouldBe("The client certificate is not issued by a trusted authority.");
        Authenticator(Path.Combine(_directory, "missing.pem")).Check(Context(certificate), Profile3())
            .ShouldBe("The client certificate is not issued by a trusted authority.");
    }

    private static Station Profile3() => new() { Id = StationId, Name = StationId, SecurityProfile = 3 };

    private static StationAuthenticator Authenticator(string? caPath) =>
        new(Options.Create(new OcppOptions { ClientCertificateAuthorityPath = caPath }), new HostingEnvironment { EnvironmentName = Environments.Production }, NullLogger<StationAuthenticator>.Instance);

    private static DefaultHttpContext Context(X509Certificate2? certificate)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Connection.ClientCertificate = certificate;
        return context;
    }

    private string TrustedCaFile()
    {
        var path = Path.Combine(_directory, "trusted-ca.pem");
        File.WriteAllText(path, _trustedCa.ExportCertificatePem());
        return path;
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, critical: true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // client authentication
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMonths(6), RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }
}
