using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>A station's CSR that passed the checks, ready to be signed.</summary>
public sealed record CheckedSigningRequest(CertificateRequest Request, string Subject);

/// <summary>The outcome of checking a CSR: the request, or why it is refused.</summary>
public sealed record SigningRequestCheck(CheckedSigningRequest? Accepted, string? Refusal);

/// <summary>A certificate the CA issued and the PEM chain CertificateSigned delivers (leaf first).</summary>
public sealed record IssuedCertificate(X509Certificate2 Certificate, string ChainPem);

/// <summary>
/// The CSMS's issuing CA for station certificates: checks a ChargingStationCertificate CSR (a valid PKCS#10 signature,
/// subject CN = the station id and O = the operator's organisation, A00.FR.509/511; a key of at least 112-bit strength,
/// A00.FR.501–503) and signs it (ECDSA or RSA-PSS with SHA-256, A00.FR.505/506; key usage, no extended key usage,
/// A00.FR.512/514). The CA's key is read once from the operator's files.
/// </summary>
public sealed partial class StationCertificateAuthority(IOptions<StationCaOptions> options, TimeProvider time, ILogger<StationCertificateAuthority> logger) : IDisposable
{
    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";
    private const int MinRsaBits = 2048;
    private const int MinEcBits = 224;

    private readonly Lazy<(X509Certificate2 Issuer, X509Certificate2Collection Chain)?> _ca = new(() => Load(options.Value, logger));

    /// <summary>Whether a CA is configured and its certificate and key could be read.</summary>
    public bool IsAvailable => _ca.Value is not null;

    /// <summary>The issuing CA's certificate, when one is configured.</summary>
    public X509Certificate2? Certificate => _ca.Value?.Issuer;

    /// <summary>The organisation name a station's certificate must carry.</summary>
    public string? OrganizationName => string.IsNullOrWhiteSpace(options.Value.OrganizationName)
        ? _ca.Value is { } ca ? NameValue(ca.Issuer.SubjectName, OrganizationOid) : null
        : options.Value.OrganizationName;

    /// <summary>Checks <paramref name="csrPem"/> from <paramref name="stationId"/>; the refusal says which rule it breaks.</summary>
    public SigningRequestCheck Check(string stationId, string csrPem)
    {
        if (!IsAvailable)
        {
            return Refused("no certificate authority for station certificates is configured (StationCa:CertificatePath and StationCa:KeyPath).");
        }

        CertificateRequest request;
        try
        {
            // Loading verifies the CSR's self-signature (proof the station holds the private key); requested extensions are ignored.
            request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default, RSASignaturePadding.Pss);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
        {
            return Refused($"the CSR is not a PEM PKCS#10 request with a valid signature ({ex.Message.TrimEnd('.')}).");
        }

        var commonNames = NameValues(request.SubjectName, CommonNameOid);
        if (commonNames.Count != 1 || !string.Equals(commonNames[0], stationId, StringComparison.Ordinal))
        {
            return Refused($"the CSR's subject CN must be the station id '{stationId}', got '{string.Join(", ", commonNames)}'.");
        }

        var organization = OrganizationName;
        var organizations = NameValues(request.SubjectName, OrganizationOid);
        if (organization is null || organizations.Count != 1 || !string.Equals(organizations[0], organization, StringComparison.Ordinal))
        {
            return Refused($"the CSR's subject O must be the operator's organisation name '{organization}', got '{string.Join(", ", organizations)}'.");
        }

        return KeyRefusal(request.PublicKey) is { } weak ? Refused(weak) : new(new CheckedSigningRequest(request, request.SubjectName.Name), null);
    }

    /// <summary>Signs a checked request: valid from now for the configured days, never past the CA's own expiry.</summary>
    public IssuedCertificate Sign(CheckedSigningRequest checkedRequest)
    {
        ArgumentNullException.ThrowIfNull(checkedRequest);
        var (issuer, chain) = _ca.Value ?? throw new InvalidOperationException("No station certificate authority is configured.");
        var request = checkedRequest.Request;
        request.CertificateExtensions.Clear();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));

        var now = time.GetUtcNow();
        var notAfter = now.AddDays(Math.Max(1, options.Value.CertificateValidityDays));
        if (notAfter > issuer.NotAfter)
        {
            notAfter = issuer.NotAfter;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive INTEGER (RFC 5280 4.1.2.2)
        // The CA's own key type decides the signature, whatever key the station's CSR carries (an EC CA signs RSA keys too).
        using var ecKey = issuer.GetECDsaPrivateKey();
        using var rsaKey = ecKey is null ? issuer.GetRSAPrivateKey() : null;
        var signer = ecKey is not null ? X509SignatureGenerator.CreateForECDsa(ecKey)
            : rsaKey is not null ? X509SignatureGenerator.CreateForRSA(rsaKey, RSASignaturePadding.Pss)
            : throw new InvalidOperationException("The station CA's key is neither ECDSA nor RSA.");
        var certificate = request.Create(issuer.SubjectName, signer, now.AddMinutes(-5), notAfter, serial);

        var pem = new StringBuilder(certificate.ExportCertificatePem()).Append('\n');
        foreach (var ca in chain)
        {
            pem.Append(ca.ExportCertificatePem()).Append('\n');
        }

        LogIssued(certificate.Subject, certificate.SerialNumber, certificate.NotAfter);
        return new IssuedCertificate(certificate, pem.ToString());
    }

    public void Dispose()
    {
        if (_ca.IsValueCreated && _ca.Value is { } ca)
        {
            ca.Issuer.Dispose();
            foreach (var certificate in ca.Chain)
            {
                certificate.Dispose();
            }
        }
    }

    private static SigningRequestCheck Refused(string reason) => new(null, reason);

    private static string? KeyRefusal(PublicKey key)
    {
        using var rsa = key.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize < MinRsaBits ? $"the CSR's RSA key has {rsa.KeySize} bits; at least {MinRsaBits} are required (A00.FR.502)." : null;
        }

        using var ec = key.GetECDsaPublicKey();
        if (ec is not null)
        {
            return ec.KeySize < MinEcBits ? $"the CSR's elliptic-curve key has {ec.KeySize} bits; at least {MinEcBits} are required (A00.FR.503)." : null;
        }

        return "the CSR's key is neither RSA nor ECDSA.";
    }

    private static List<string> NameValues(X500DistinguishedName name, string oid) =>
        [.. name.EnumerateRelativeDistinguishedNames()
            .Where(rdn => !rdn.HasMultipleElements && rdn.GetSingleElementType().Value == oid)
            .Select(rdn => rdn.GetSingleElementValue() ?? "")];

    private static string? NameValue(X500DistinguishedName name, string oid) => NameValues(name, oid) is [var single] ? single : null;

    private static (X509Certificate2, X509Certificate2Collection)? Load(StationCaOptions settings, ILogger logger)
    {
        if (!settings.IsConfigured)
        {
            return null;
        }

        try
        {
            var issuer = string.IsNullOrEmpty(settings.KeyPassword)
                ? X509Certificate2.CreateFromPemFile(settings.CertificatePath!, settings.KeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(settings.CertificatePath!, settings.KeyPassword, settings.KeyPath);
            var chain = new X509Certificate2Collection();
            chain.ImportFromPemFile(settings.CertificatePath!);
            return (issuer, chain);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, ex, settings.CertificatePath!, settings.KeyPath!);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued station certificate {Subject} serial {Serial}, valid until {NotAfter}")]
    private partial void LogIssued(string subject, string serial, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "The station CA ({CertificatePath}, {KeyPath}) cannot be read; SignCertificate requests are refused")]
    private static partial void LogUnreadable(ILogger logger, Exception ex, string certificatePath, string keyPath);
}
