namespace ChargePortal.Ocpp.V201;

/// <summary>SecurityEventNotification request, sent by the Charging Station.</summary>
public sealed record SecurityEventNotificationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Type of the security event. This value should be taken from the Security events list.</summary>
    public required string Type { get; init; }

    /// <summary>Date and time at which the event occurred.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Additional information about the occurred security event.</summary>
    public string? TechInfo { get; init; }
}

/// <summary>Response to SecurityEventNotification.</summary>
public sealed record SecurityEventNotificationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
