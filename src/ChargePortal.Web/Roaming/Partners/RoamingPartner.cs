using System.Text.Json.Serialization;

namespace ChargePortal.Web.Roaming.Partners;

/// <summary>
/// Another OCPI platform this CPO exchanges data with (an eMSP or a hub). Tokens in OCPI terms: the partner calls us
/// with the token we gave it (CREDENTIALS_TOKEN_A until the handshake, then B or C); we call it with the one it gave us.
/// </summary>
public sealed class RoamingPartner
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The partner's OCPI country code and party id (of its eMSP role), upper case.</summary>
    public required string CountryCode { get; set; }
    public required string PartyId { get; set; }
    public RoamingRole Role { get; set; } = RoamingRole.Emsp;
    public RoamingPartnerStatus Status { get; set; } = RoamingPartnerStatus.Pending;

    /// <summary>SHA-256 (hex) of the token the partner presents to us; the token itself is never stored.</summary>
    public string? InboundTokenHash { get; set; }

    /// <summary>The inbound token is CREDENTIALS_TOKEN_A: it opens versions and credentials only.</summary>
    public bool InboundTokenIsRegistrationToken { get; set; } = true;

    /// <summary>The token we present to the partner (sent base64-encoded, as 2.2.1 requires).</summary>
    public string? OutboundToken { get; set; }

    /// <summary>The partner's versions endpoint, its chosen version and the endpoints of that version (JSON).</summary>
    public string? VersionsUrl { get; set; }
    public string? Version { get; set; }
    public string? EndpointsJson { get; set; }

    /// <summary>The roles (country code, party id, business details) the partner listed in its credentials (JSON).</summary>
    public string? RolesJson { get; set; }

    /// <summary>False: only the sites in <see cref="PublishedSites"/> are visible to this partner.</summary>
    public bool PublishAllSites { get; set; } = true;
    public List<RoamingPartnerSite> PublishedSites { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RegisteredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last error of a handshake we started (CPO-initiated), shown to operators.</summary>
    public string? LastHandshakeError { get; set; }
}

/// <summary>A site an operator chose to publish to a partner that does not see every site.</summary>
public sealed class RoamingPartnerSite
{
    public int PartnerId { get; set; }
    public int SiteId { get; set; }
}

/// <summary>OCPI Role enum, as far as a CPO's partners go.</summary>
public enum RoamingRole
{
    [JsonStringEnumMemberName("EMSP")]
    Emsp,
    [JsonStringEnumMemberName("HUB")]
    Hub,
    [JsonStringEnumMemberName("NSP")]
    Nsp,
    [JsonStringEnumMemberName("OTHER")]
    Other,
}

public enum RoamingPartnerStatus
{
    /// <summary>Token A issued; the credentials handshake has not happened yet.</summary>
    Pending,

    /// <summary>Credentials exchanged; data flows both ways.</summary>
    Registered,

    /// <summary>Paused by an operator: the partner's calls are refused and nothing is pushed (queued pushes wait).</summary>
    Suspended,

    /// <summary>Credentials withdrawn by either side; nothing flows any more.</summary>
    Unregistered,
}

/// <summary>Per partner and module: the last push and pull, and the last push error, for operators.</summary>
public sealed class RoamingModuleActivity
{
    public int PartnerId { get; set; }
    public required string Module { get; set; }
    public DateTimeOffset? LastPushAt { get; set; }
    public DateTimeOffset? LastPushErrorAt { get; set; }
    public string? LastPushError { get; set; }
    public DateTimeOffset? LastPullAt { get; set; }
}
