using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>
/// A station names the OCSP responder the CSMS asks (GetCertificateStatus, Authorize hash data), so the CSMS must not
/// become its way into the operator's own network: a responder is reached only at a public address, unless its host is
/// listed in <see cref="PlugAndChargeOptions.OcspResponderHosts"/> (a private PKI). The check runs where the connection
/// is made, on the addresses DNS gave, and the socket connects to exactly those: a name that resolves to a public
/// address for the check and a private one for the request (DNS rebinding) gets no second lookup.
/// </summary>
public sealed class OcspResponderAddresses(IOptionsMonitor<PlugAndChargeOptions> options)
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Whether <paramref name="address"/> is on the public internet (IPv4-mapped IPv6 judged as its IPv4).</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return !NotPublic.Any(n => n.BaseAddress.AddressFamily == plain.AddressFamily && n.Contains(plain));
    }

    /// <summary>Whether the operator listed <paramref name="host"/> as a responder that may be private.</summary>
    public bool IsListed(string host) =>
        options.CurrentValue.OcspResponderHosts.Any(h => string.Equals(h.Trim(), host, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> of the OCSP client.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var resolved = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = IsListed(endpoint.Host) ? resolved : [.. resolved.Where(IsPublic)];
        if (allowed.Length == 0)
        {
            throw new OcspResponderNotAllowedException(
                $"the responder host \"{endpoint.Host}\" is not a public address; list it in PlugAndCharge:OcspResponderHosts to allow it");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A responder the station named that the CSMS will not contact (see <see cref="OcspResponderAddresses"/>).</summary>
public sealed class OcspResponderNotAllowedException(string message) : IOException(message);
