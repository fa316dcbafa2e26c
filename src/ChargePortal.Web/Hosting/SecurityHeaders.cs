using System.Security.Cryptography;
using ChargePortal.Web.Drivers.Find;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting;

/// <summary>
/// Headers on every response: a Content-Security-Policy that fits Blazor Server and MudBlazor as this app uses them,
/// no framing, no MIME sniffing, and referrers cut to the origin across sites (reset links carry codes in the query).
/// </summary>
/// <remarks>
/// What the pages need, and why each source is there: scripts only from this origin (blazor.web.js, MudBlazor.min.js,
/// the vendored Leaflet and find-map.js) plus the inline import map, which carries a per-request nonce; styles from this
/// origin and inline, because MudBlazor writes <c>style</c> attributes and its theme provider a <c>&lt;style&gt;</c>
/// block; the circuit's WebSocket and fetches to this origin; map tiles from the origin of <c>Map:TileUrl</c>; images as
/// data: URLs (Leaflet's). No CDN, no eval.
/// </remarks>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<MapOptions> map)
{
    private const string NonceItem = "csp-nonce";
    private readonly string _tileSource = TileSource(map.Value.TileUrl);

    /// <summary>The nonce of this request's Content-Security-Policy, for the page's one inline script (the import map).</summary>
    public static string Nonce(HttpContext http) => http.Items[NonceItem] as string ?? "";

    public Task InvokeAsync(HttpContext context)
    {
        // URL-safe alphabet: "+" would be HTML-encoded in the attribute and no longer match the header.
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceItem] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private string Policy(string nonce) =>
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{_tileSource}; "
        + "font-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'";

    /// <summary>" https://tile.example.org" for an absolute tile URL (<c>{s}</c> subdomains become a wildcard); "" for this origin's own.</summary>
    internal static string TileSource(string? tileUrl)
    {
        var template = (tileUrl ?? "").Replace("{s}", "subdomain", StringComparison.Ordinal);
        if (!Uri.TryCreate(template, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "";
        }

        var host = uri.Host.StartsWith("subdomain.", StringComparison.Ordinal) ? "*" + uri.Host["subdomain".Length..] : uri.Host;
        return $" {uri.Scheme}://{host}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
    }
}
