using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>A signature the CSMS computed, or why it could not.</summary>
public sealed record FirmwareSignatureResult(string? Signature, string? Error);

/// <summary>
/// Holds the firmware signing certificate and key and signs images with them: SHA-256 over the whole image file
/// (L01.FR.04), signed with RSA-PSS (RSA keys) or ECDSA (EC keys; OCPP's ECSchnorr has no .NET implementation, and
/// ECDSA is what stations verify in practice).
/// </summary>
public sealed partial class FirmwareSigner : IDisposable
{
    public const string HttpClientName = "firmware-images";

    private readonly FirmwareSigningOptions _settings;
    private readonly IHttpClientFactory _httpFactory;
    private readonly ILogger<FirmwareSigner> _logger;
    private readonly X509Certificate2? _certificate;
    private readonly AsymmetricAlgorithm? _key;

    public FirmwareSigner(IOptions<FirmwareSigningOptions> options, IHttpClientFactory httpFactory, TimeProvider time, ILogger<FirmwareSigner> logger)
    {
        _settings = options.Value;
        _httpFactory = httpFactory;
        _logger = logger;
        if (_settings.HasFiles)
        {
            _certificate = X509Certificate2.CreateFromPemFile(_settings.CertificatePath!);
            _key = LoadKey(_settings.KeyPath!, _settings.KeyPassword);
        }
        else if (_settings.GenerateDevelopmentCertificate)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=ChargePortal Development Firmware Signing, O=ChargePortal Development", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.3")], false)); // code signing
            var now = time.GetUtcNow();
            _certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            _key = key;
            LogGenerated(logger);
        }
    }

    public bool IsConfigured => _certificate is not null;

    /// <summary>The signing certificate in PEM, as stations get it; null without one.</summary>
    public string? CertificatePem => _certificate?.ExportCertificatePem();

    /// <summary>Downloads the image at <paramref name="location"/> (http or https) and signs it.</summary>
    public async Task<FirmwareSignatureResult> SignImageAsync(string location, CancellationToken ct)
    {
        if (_key is null)
        {
            return new(null, "The CSMS has no firmware signing certificate (FirmwareSigning:CertificatePath and KeyPath).");
        }

        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return new(null, "The CSMS signs images it can download over http or https; for another location give the signature.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_settings.DownloadTimeoutSeconds));
        try
        {
            using var response = await _httpFactory.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return new(null, $"The image could not be downloaded to sign it: {uri.GetLeftPart(UriPartial.Path)} answered HTTP {(int)response.StatusCode}.");
            }

            await using var image = await response.Content.ReadAsStreamAsync(timeout.Token);
            var hash = await HashAsync(image, (long)_settings.MaxImageMegabytes * 1024 * 1024, timeout.Token);
            return hash is null
                ? new(null, $"The image is larger than FirmwareSigning:MaxImageMegabytes ({_settings.MaxImageMegabytes} MB).")
                : new(Convert.ToBase64String(SignHash(hash)), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(null, $"Downloading the image to sign it took longer than {_settings.DownloadTimeoutSeconds} s.");
        }
        catch (HttpRequestException ex)
        {
            LogDownloadFailed(_logger, uri.GetLeftPart(UriPartial.Path), ex.Message);
            return new(null, $"The image could not be downloaded to sign it ({ex.Message}).");
        }
    }

    /// <summary>The signature of a SHA-256 hash with the signing key.</summary>
    public byte[] SignHash(byte[] sha256) => _key switch
    {
        RSA rsa => rsa.SignHash(sha256, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        ECDsa ec => ec.SignHash(sha256, DSASignatureFormat.Rfc3279DerSequence),
        _ => throw new InvalidOperationException("The CSMS has no firmware signing key."),
    };

    public void Dispose()
    {
        _certificate?.Dispose();
        _key?.Dispose();
    }

    private static async Task<byte[]?> HashAsync(Stream image, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await image.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return null;
            }

            hash.AppendData(buffer, 0, read);
        }

        return hash.GetHashAndReset();
    }

    private static AsymmetricAlgorithm LoadKey(string path, string? password)
    {
        var pem = File.ReadAllText(path);
        AsymmetricAlgorithm key = pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal) || IsEc(pem, password) ? ECDsa.Create() : RSA.Create();
        if (string.IsNullOrEmpty(password))
        {
            key.ImportFromPem(pem);
        }
        else
        {
            key.ImportFromEncryptedPem(pem, password);
        }

        return key;
    }

    /// <summary>A PKCS#8 PEM does not say its algorithm in the label: try EC first.</summary>
    private static bool IsEc(string pem, string? password)
    {
        using var probe = ECDsa.Create();
        try
        {
            if (string.IsNullOrEmpty(password))
            {
                probe.ImportFromPem(pem);
            }
            else
            {
                probe.ImportFromEncryptedPem(pem, password);
            }

            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firmware updates are signed with a certificate generated at start (FirmwareSigning:GenerateDevelopmentCertificate): for Development only")]
    private static partial void LogGenerated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading the firmware image {Location} to sign it failed: {Reason}")]
    private static partial void LogDownloadFailed(ILogger logger, string location, string reason);
}
