namespace ChargePortal.Ocpp.V16;

/// <summary>SecurityEventNotification request (Security Whitepaper), sent by the Charge Point.</summary>
public sealed record SecurityEventNotificationRequest
{
    /// <summary>The security event's type, from the whitepaper's list (e.g. InvalidCentralSystemCertificate).</summary>
    public required string Type { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string? TechInfo { get; init; }
}

/// <summary>Response to SecurityEventNotification.</summary>
public sealed record SecurityEventNotificationResponse;
