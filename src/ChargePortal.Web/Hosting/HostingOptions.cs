using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting;

/// <summary>How the app is reached from outside (section <c>Hosting</c>): its public address and the proxies in front of it.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// The address users and stations reach the app at, e.g. <c>https://charge.example.com/</c>. Every link the app
    /// mails or hands out starts with it; the request's Host header is never used when it is set.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>How long a stopping host lets stations, sessions and queues finish before it stops them.</summary>
    [Range(1, 600)]
    public int ShutdownTimeoutSeconds { get; set; } = 15;

    public Uri? PublicBaseUri => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.TrimEnd('/') + "/");
}

/// <summary>
/// X-Forwarded-For / X-Forwarded-Proto from a TLS-terminating proxy, trusted only from the listed proxies and networks
/// (so the client address for rate limits and the https scheme for Secure cookies come from the proxy, not from anyone).
/// X-Forwarded-Host is never trusted: links come from <see cref="HostingOptions.PublicBaseUrl"/>.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public bool Enabled { get; set; }

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwrapped.</summary>
    public int ForwardLimit { get; set; } = 1;
}

internal sealed class HostingOptionsValidation : IValidateOptions<HostingOptions>
{
    public ValidateOptionsResult Validate(string? name, HostingOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo)))
        {
            errors.Add($"Hosting:PublicBaseUrl must be an absolute http(s) address without query or fragment, e.g. https://charge.example.com/ (got '{options.PublicBaseUrl}').");
        }

        var forwarded = options.ForwardedHeaders;
        errors.AddRange(forwarded.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"Hosting:ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
        errors.AddRange(forwarded.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"Hosting:ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        if (forwarded.Enabled && forwarded.KnownProxies.Length == 0 && forwarded.KnownNetworks.Length == 0)
        {
            errors.Add("Hosting:ForwardedHeaders:Enabled needs KnownProxies or KnownNetworks: forwarded headers are trusted only from the proxies listed there.");
        }

        if (forwarded.ForwardLimit < 1)
        {
            errors.Add("Hosting:ForwardedHeaders:ForwardLimit must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
