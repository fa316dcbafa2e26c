using ChargePortal.Ocpp;
using ChargePortal.Web.Sites;

namespace ChargePortal.Web.Stations;

/// <summary>A charging station as registered by an operator (or auto-registered in Development).</summary>
public sealed class Station
{
    public const int MaxIdLength = 48;

    /// <summary>The charge point identity: the last segment of its OCPP URL.</summary>
    public required string Id { get; set; }
    public string Name { get; set; } = "";
    public int? SiteId { get; set; }
    public Site? Site { get; set; }

    public string? Vendor { get; set; }
    public string? Model { get; set; }
    public string? SerialNumber { get; set; }
    public string? FirmwareVersion { get; set; }

    /// <summary>The version the station last connected with; null until it first connects.</summary>
    public OcppVersion? OcppVersion { get; set; }

    public StationRegistrationStatus RegistrationStatus { get; set; } = StationRegistrationStatus.Accepted;

    /// <summary>OCPP security profile the station must use: 0 none, 1 Basic, 2 Basic over TLS, 3 client certificate.</summary>
    public int SecurityProfile { get; set; }

    /// <summary>
    /// A higher profile the station was given a network profile for (A05) and accepted; it becomes
    /// <see cref="SecurityProfile"/> once the station connects on it, never before.
    /// </summary>
    public int? PendingSecurityProfile { get; set; }

    /// <summary>Hash of the Basic-auth password (profiles 1 and 2); null means no password required.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>When the stored password last changed (null: not since the station was registered).</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    /// <summary>Rotate the password every this many days (0: never); null follows PasswordRotation:IntervalDays.</summary>
    public int? PasswordRotationDays { get; set; }

    /// <summary>The operator allowed profile 0 (no credentials) for this station outside Development.</summary>
    public bool AllowUnsecured { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public DateTimeOffset? LastBootAt { get; set; }
    public bool IsOnline { get; set; }

    /// <summary>Heartbeat interval the CSMS asked for at boot, in seconds.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = 300;

    /// <summary>Version of the local authorization list last sent to the station (each is used once, answered or not).</summary>
    public int LocalListVersion { get; set; }

    /// <summary>2.0.1 NoAuthorization starts (free vend) are accepted here, and priced at nothing; the site may also allow them.</summary>
    public bool FreeVend { get; set; }

    /// <summary>The last 1.6 transactionId this station was given (per station, wrapping below int.MaxValue).</summary>
    public int LastOcppTransactionId { get; set; }

    public List<Connector> Connectors { get; set; } = [];
}

public enum StationRegistrationStatus
{
    Accepted,
    Pending,
    Rejected,
}
