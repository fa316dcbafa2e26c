using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ChargePortal.Web.Telemetry;

public sealed class OperationsOptions : IValidatableObject
{
    public const string Section = "Operations";

    /// <summary>Comma-separated CIDR networks (e.g. <c>10.0.0.0/8, 127.0.0.1/32</c>) whose clients may read /metrics.</summary>
    public string? MetricsAllowedNetworks { get; set; }

    /// <summary>A bearer token that opens /metrics from anywhere (<c>Authorization: Bearer &lt;token&gt;</c>).</summary>
    public string? MetricsToken { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var wrong = MetricsAccess.WrongNetwork(MetricsAllowedNetworks);
        return wrong is null ? [] : [new ValidationResult(MetricsAccess.WrongNetworkMessage(wrong), [nameof(MetricsAllowedNetworks)])];
    }
}

/// <summary>
/// Who may scrape /metrics: a client in one of the allowed networks, or one presenting the token. With neither
/// configured nobody may: the metrics name stations and show the fleet's activity, so they are not public.
/// </summary>
public sealed class MetricsAccess
{
    private readonly IReadOnlyList<IPNetwork> _networks;
    private readonly byte[]? _tokenHash;

    public MetricsAccess(OperationsOptions options)
    {
        _networks = ParseNetworks(options.MetricsAllowedNetworks);
        _tokenHash = string.IsNullOrEmpty(options.MetricsToken) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.MetricsToken));
    }

    /// <summary>Parses the setting; a malformed entry stops the start with the setting named.</summary>
    public static IReadOnlyList<IPNetwork> ParseNetworks(string? setting) =>
        [.. Entries(setting).Select(entry => TryParse(entry, out var network)
            ? network
            : throw new InvalidOperationException($"Operations:MetricsAllowedNetworks {WrongNetworkMessage(entry)}"))];

    /// <summary>The first entry of the setting that is not an address or network, or null.</summary>
    internal static string? WrongNetwork(string? setting) => Entries(setting).FirstOrDefault(entry => !TryParse(entry, out _));

    internal static string WrongNetworkMessage(string entry) => $"has '{entry}', which is not an address or CIDR network (e.g. 10.0.0.0/8).";

    private static string[] Entries(string? setting) => (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryParse(string entry, out IPNetwork network) =>
        IPNetwork.TryParse(entry.Contains('/', StringComparison.Ordinal) ? entry : entry + (entry.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out network);

    public int Check(HttpContext context)
    {
        if (context.Request.Headers.Authorization is [{ } header] && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
            return _tokenHash is not null && CryptographicOperations.FixedTimeEquals(presented, _tokenHash)
                ? StatusCodes.Status200OK
                : StatusCodes.Status401Unauthorized;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return remote is not null && _networks.Any(n => n.Contains(remote)) ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden;
    }
}
