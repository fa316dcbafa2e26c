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
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public string? AcknowledgedByUserId { get; set; }

    /// <summary>
    /// Kind, station and connector while the alert is open, null once acknowledged. A unique index on it
    /// keeps two racing raisers from opening the same alert twice.
    /// </summary>
    public string? OpenKey { get; set; }

    public static string KeyFor(AlertKind kind, string stationId, int evseId, int connectorId) =>
        FormattableString.Invariant($"{kind}|{stationId}|{evseId}|{connectorId}");
}

public enum AlertKind
{
    StationOffline,
    ConnectorFault,
    CommandFailed,
}
