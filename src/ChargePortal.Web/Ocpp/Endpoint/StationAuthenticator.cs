using System.Security.Cryptography.X509Certificates;
using System.Text;
using ChargePortal.Web.Stations;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Ocpp.Endpoint;

/// <summary>
/// OCPP security profiles at the WebSocket handshake: 1 = HTTP Basic, 2 = Basic over TLS,
/// 3 = TLS client certificate whose CN is the station id, issued by a configured CA.
/// </summary>
public sealed class StationAuthenticator(IOptions<OcppOptions> options, ILogger<StationAuthenticator> logger)
{
    private readonly Lazy<X509Certificate2Collection> _trustedAuthorities = new(() => LoadAuthorities(options.Value.ClientCertificateAuthorityPath));

    /// <returns>Null when the station may connect; otherwise why not (sent with the 401).</returns>
    public string? Check(HttpContext context, Station station)
    {
        if (station.SecurityProfile >= 3)
        {
            return CheckCertificate(context.Connection.ClientCertificate, station.Id);
        }

        if (station.SecurityProfile == 2 && !context.Request.IsHttps)
        {
            return "Security profile 2 requires TLS (wss://).";
        }

        if (station.PasswordHash is null)
        {
            return station.SecurityProfile == 0 ? null : "No password is registered for this station.";
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
        if (separator < 0 || decoded[..separator] != station.Id || !StationRegistry.VerifyPassword(station, decoded[(separator + 1)..]))
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

        return null;
    }

    private static X509Certificate2Collection LoadAuthorities(string? path)
    {
        var collection = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(path) && File.Exists(path))
        {
            collection.ImportFromPemFile(path);
        }

        return collection;
    }
}
