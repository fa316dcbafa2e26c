using System.ComponentModel.DataAnnotations;

namespace ChargePortal.Web.Roaming;

/// <summary>Settings of this platform as an OCPI 2.2.1 CPO (section <c>Roaming</c>).</summary>
public sealed class RoamingOptions
{
    public const string Section = "Roaming";

    /// <summary>ISO-3166 alpha-2 country code of this CPO, as partners see it (OCPI <c>country_code</c>).</summary>
    public string CountryCode { get; set; } = "NL";

    /// <summary>This CPO's party id, three characters (OCPI <c>party_id</c>, ISO 15118 operator id).</summary>
    public string PartyId { get; set; } = "CPO";

    /// <summary>Business name given to partners in the credentials object.</summary>
    public string BusinessName { get; set; } = "ChargePortal";

    /// <summary>
    /// The public base URL partners reach this platform at (e.g. https://cpo.example.com). Empty: the URL of the
    /// request that asked, which is right for a direct connection but not behind a proxy that rewrites the host.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// How long a real-time authorization at the partner may take. A station's Authorize waits for it, so it stays
    /// well under the OCPP call timeout stations use (typically 30 s or more).
    /// </summary>
    [Range(0.1, 300)]
    public double RealTimeAuthorizationTimeoutSeconds { get; set; } = 5;

    /// <summary>How long one outbound OCPI request (a push, a command result) may take.</summary>
    [Range(0.1, 600)]
    public double RequestTimeoutSeconds { get; set; } = 15;

    /// <summary>How often the push queue is looked at when nothing new was queued on this node.</summary>
    [Range(0.05, 3600)]
    public double PushPollSeconds { get; set; } = 2;

    /// <summary>First retry delay of a failed push; doubles per attempt up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(0.05, 86400)]
    public double FirstRetryDelaySeconds { get; set; } = 2;

    [Range(0.05, 86400)]
    public double MaxRetryDelaySeconds { get; set; } = 600;
}
