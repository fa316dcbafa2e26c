namespace ChargePortal.Ocpp.V201;

/// <summary>StatusNotification request, sent by the Charging Station.</summary>
public sealed record StatusNotificationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The time for which the status is reported. If absent time of receipt of the message will be assumed.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>This contains the current status of the Connector.</summary>
    public required ConnectorStatusEnum ConnectorStatus { get; init; }

    /// <summary>The id of the EVSE to which the connector belongs for which the the status is reported.</summary>
    public required int EvseId { get; init; }

    /// <summary>The id of the connector within the EVSE for which the status is reported.</summary>
    public required int ConnectorId { get; init; }
}

/// <summary>Response to StatusNotification.</summary>
public sealed record StatusNotificationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
