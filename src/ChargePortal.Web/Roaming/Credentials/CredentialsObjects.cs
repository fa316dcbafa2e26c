namespace ChargePortal.Web.Roaming.Credentials;

/// <summary>OCPI 2.2.1 Credentials object.</summary>
public sealed record OcpiCredentials
{
    public required string Token { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<CredentialsRole> Roles { get; init; }
}

public sealed record CredentialsRole
{
    public required string Role { get; init; }
    public required BusinessDetails BusinessDetails { get; init; }
    public required string PartyId { get; init; }
    public required string CountryCode { get; init; }
}

public sealed record BusinessDetails
{
    public required string Name { get; init; }
    public string? Website { get; init; }
}

/// <summary>One entry of the versions list.</summary>
public sealed record OcpiVersion(string Version, string Url);

/// <summary>Version details: the endpoints of one version.</summary>
public sealed record OcpiVersionDetails(string Version, IReadOnlyList<OcpiEndpoint> Endpoints);

/// <summary>One module endpoint; <see cref="Role"/> is SENDER or RECEIVER (InterfaceRole).</summary>
public sealed record OcpiEndpoint(string Identifier, string Role, string Url);

/// <summary>OCPI module identifiers this CPO speaks.</summary>
public static class OcpiModules
{
    public const string Credentials = "credentials";
    public const string Locations = "locations";
    public const string Sessions = "sessions";
    public const string Cdrs = "cdrs";
    public const string Tariffs = "tariffs";
    public const string Tokens = "tokens";
    public const string Commands = "commands";

    /// <summary>The result of a command, posted to the response_url the partner gave.</summary>
    public const string CommandResults = "commands-results";

    public static IReadOnlyList<string> Pushed { get; } = [Locations, Tariffs, Sessions, Cdrs, CommandResults];
}

public static class InterfaceRoles
{
    public const string Sender = "SENDER";
    public const string Receiver = "RECEIVER";
}

/// <summary>OCPI Role values a credentials object may list.</summary>
public static class OcpiRoleNames
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { "CPO", "EMSP", "HUB", "NAP", "NSP", "OTHER", "SCSP" };
}
