using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting;

/// <summary>
/// The base of every absolute link the app mails or hands out (password reset, e-mail confirmation, diagnostics upload
/// URLs, payment return URLs). <c>Hosting:PublicBaseUrl</c> when set, whatever the request's Host header says. Unset:
/// in Development the request's own address; elsewhere only a host that <c>AllowedHosts</c> names (the host-filtering
/// middleware has then refused any other Host header), and otherwise no link at all (null) rather than one pointing
/// wherever a forged Host header says.
/// </summary>
public sealed class PublicUrls(IOptions<HostingOptions> hosting, IOptions<HostFilteringOptions> hostFiltering, IHostEnvironment environment)
{
    /// <summary>The base for links given the address a request (or circuit) came in on; null when none can be trusted.</summary>
    public Uri? BaseFor(Uri requestBase)
    {
        if (hosting.Value.PublicBaseUri is { } configured)
        {
            return configured;
        }

        return environment.IsDevelopment() || IsAllowedHost(requestBase.Host)
            ? new Uri(requestBase.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;
    }

    public Uri? BaseFor(HttpRequest request) => BaseFor(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"));

    /// <summary>An absolute link to <paramref name="relativePath"/> (no leading slash needed), or null (see <see cref="BaseFor(Uri)"/>).</summary>
    public Uri? LinkFor(Uri requestBase, string relativePath) =>
        BaseFor(requestBase) is { } baseUri ? new Uri(baseUri, relativePath.TrimStart('/')) : null;

    /// <summary>
    /// Stands in where a command needs a base but none can be trusted: the reserved <c>.invalid</c> domain (RFC 2606)
    /// never resolves, so a station handed an upload URL on it uploads nowhere rather than to a forged host.
    /// </summary>
    public static readonly Uri Untrusted = new("https://public-base-url-not-configured.invalid/");

    /// <summary>The base for the URLs a station command hands out (diagnostics uploads); <see cref="Untrusted"/> when none can be trusted.</summary>
    public Uri ForCommands(Uri requestBase) => BaseFor(requestBase) ?? Untrusted;

    /// <summary>True when links can be made without a request to go by (a configured public address).</summary>
    public bool IsConfigured => hosting.Value.PublicBaseUri is not null;

    private bool IsAllowedHost(string host) =>
        hostFiltering.Value.AllowedHosts is { Count: > 0 } allowed && !allowed.Contains("*")
        && allowed.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase));
}
