namespace ChargePortal.Web.Alerts;

/// <summary>Something an operator should look at; open until acknowledged.</summary>
public sealed class Alert
{
    public long Id { get; set; }
    public AlertKind Kind { get; set; }
    public required string StationId { get; set; }

    /// <summary>EVSE and connector the alert is about; 0 means the whole station.</summary>
    public int EvseId { get; set; }
    public int ConnectorId { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>Severity as OCPP 2.0.1 numbers it (0 Danger … 9 Debug) where the station reported one.</summary>
    public int? Severity { get; set; }

    /// <summary>When the station reported the problem gone; a cleared alert is no longer open.</summary>
    public DateTimeOffset? ClearedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgedByUserId { get; set; }

    /// <summary>
    /// Kind, station and connector while the alert is open, null once acknowledged. A unique index on it
    /// keeps two racing raisers from opening the same alert twice.
    /// </summary>
    public string? OpenKey { get; set; }

    public static string KeyFor(AlertKind kind, string stationId, int evseId, int connectorId, string? subject = null)
    {
        var key = FormattableString.Invariant($"{kind}|{stationId}|{evseId}|{connectorId}");
        if (subject is null)
        {
            return key;
        }

        // Component/variable names can make the key longer than its column: the tail is then a hash of the subject.
        var full = key + "|" + subject;
        return full.Length <= 128 ? full : key + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject)))[..32];
    }
}

public enum AlertKind
{
    StationOffline,
    ConnectorFault,
    CommandFailed,

    /// <summary>A 2.0.1 NotifyEvent reported a problem of a component/variable (cleared by the station).</summary>
    StationProblem,

    /// <summary>A SecurityEventNotification of a kind that needs a look (tampering, invalid certificates, failed logins …).</summary>
    SecurityEvent,

    /// <summary>A certificate of the station (issued by the CSMS or installed on it) expires soon (StationCa:ExpiryWarningDays).</summary>
    CertificateExpiring,

    /// <summary>A firmware update failed: the signing certificate was refused, the signature or verification failed, or download/installation failed.</summary>
    FirmwareFailed,
}
