using System.Security.Cryptography.X509Certificates;
using System.Text;
using ChargePortal.Web.Stations;
using ChargePortal.Web.StationSecurity;
using ChargePortal.Web.StationSecurity.Certificates;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Ocpp.Endpoint;

/// <summary>
/// OCPP security profiles at the WebSocket handshake: 1 = HTTP Basic, 2 = Basic over TLS,
/// 3 = TLS client certificate whose CN is the station id, issued by a configured CA (Ocpp:ClientCertificateAuthorityPath)
/// or by the CSMS's own station CA (StationCa), which signs stations' CSRs.
/// </summary>
public sealed class StationAuthenticator(
    IOptions<OcppOptions> options, IHostEnvironment environment, ILogger<StationAuthenticator> logger, StationCertificateAuthority? stationCa = null)
{
    private readonly Lazy<X509Certificate2Collection> _trustedAuthorities = new(() => LoadAuthorities(options.Value.ClientCertificateAuthorityPath, stationCa?.Certificate));
    private readonly Lock _crlLock = new();
    private (DateTime WrittenAt, IReadOnlyList<CertificateRevocationList>? Lists) _crls;

    /// <returns>Null when the station may connect; otherwise why not (sent with the 401).</returns>
    public string? Check(HttpContext context, Station station) => Check(context, station, station.SecurityProfile);

    /// <summary>
    /// The higher profile the station was given (A05) when this handshake satisfies it, else null: the station has
    /// moved to it and the caller makes it the station's profile.
    /// </summary>
    public int? MeetsPendingProfile(HttpContext context, Station station) =>
        station.PendingSecurityProfile is { } pending && pending > station.SecurityProfile && Check(context, station, pending) is null ? pending : null;

    private string? Check(HttpContext context, Station station, int profile)
    {
        if (profile >= 3)
        {
            return CheckCertificate(context.Connection.ClientCertificate, station.Id);
        }

        if (profile == 2 && !context.Request.IsHttps)
        {
            return "Security profile 2 requires TLS (wss://).";
        }

        if (profile == 0)
        {
            // Outside Development an unsecured station connects only where the operator allowed it (or allowed unknown stations at all).
            return station.AllowUnsecured || environment.IsDevelopment() || options.Value.AllowUnknownStations
                ? null
                : "This station has no credentials (security profile 0) and unsecured connections are not allowed for it.";
        }

        if (station.PasswordHash is null)
        {
            return "No password is registered for this station.";
        }

        string? header = context.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return "HTTP Basic authentication is required.";
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return "The Basic credentials are not valid base64.";
        }

        var separator = decoded.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || decoded[..separator] != station.Id || !StationPasswords.Verify(station, decoded[(separator + 1)..]))
        {
            return "Wrong station id or password.";
        }

        return null;
    }

    private string? CheckCertificate(X509Certificate2? certificate, string stationId)
    {
        if (certificate is null)
        {
            return "Security profile 3 requires a TLS client certificate.";
        }

        if (!string.Equals(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false), stationId, StringComparison.Ordinal))
        {
            return "The client certificate's common name is not the station id.";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trustedAuthorities.Value);
        if (_trustedAuthorities.Value.Count == 0 || !chain.Build(certificate))
        {
            logger.LogWarning("Client certificate of {StationId} is not issued by a trusted CA (Ocpp:ClientCertificateAuthorityPath)", stationId);
            return "The client certificate is not issued by a trusted authority.";
        }

        if (options.Value.ClientCertificateRevocationListPath is { Length: > 0 } crlPath)
        {
            var lists = RevocationLists(crlPath);
            if (lists is null)
            {
                // Fail closed: a configured revocation list that cannot be read or verified must not let revoked stations in.
                return "The certificate revocation list cannot be checked.";
            }

            if (lists.Any(l => l.Revokes(certificate)))
            {
                logger.LogWarning("Client certificate {Serial} of {StationId} is revoked", certificate.SerialNumber, stationId);
                return "The client certificate is revoked.";
            }
        }

        return null;
    }

    private IReadOnlyList<CertificateRevocationList>? RevocationLists(string path)
    {
        var writtenAt = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        lock (_crlLock)
        {
            if (_crls.Lists is not null && _crls.WrittenAt == writtenAt)
            {
                return _crls.Lists;
            }

            try
            {
                var lists = CertificateRevocationList.ReadFile(path).Select(der => CertificateRevocationList.Load(der, _trustedAuthorities.Value)).ToList();
                if (lists.Count == 0 || lists.Any(l => l is null))
                {
                    logger.LogError("{Path} (Ocpp:ClientCertificateRevocationListPath) holds no CRL signed by a trusted CA; profile 3 stations are refused", path);
                    return null;
                }

                _crls = (writtenAt, lists.Select(l => l!).ToList());
                return _crls.Lists;
            }
            catch (Exception ex) when (ex is IOException or System.Formats.Asn1.AsnContentException or FormatException or System.Security.Cryptography.CryptographicException)
            {
                logger.LogError(ex, "{Path} (Ocpp:ClientCertificateRevocationListPath) cannot be read; profile 3 stations are refused", path);
                return null;
            }
        }
    }

    private static X509Certificate2Collection LoadAuthorities(string? path, X509Certificate2? stationCa)
    {
        var collection = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(path) && File.Exists(path))
        {
            collection.ImportFromPemFile(path);
        }

        if (stationCa is not null)
        {
            // The public certificate only: chain building needs no private key.
            collection.Add(X509CertificateLoader.LoadCertificate(stationCa.RawData));
        }

        return collection;
    }
}
