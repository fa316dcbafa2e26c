namespace ChargePortal.Ocpp.V16;

/// <summary>StatusNotification request (Core profile), sent by the Charge Point.</summary>
public sealed record StatusNotificationRequest
{
    public required int ConnectorId { get; init; }

    public required ChargePointErrorCode ErrorCode { get; init; }

    public string? Info { get; init; }

    public required ChargePointStatus Status { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? VendorId { get; init; }

    public string? VendorErrorCode { get; init; }
}

/// <summary>Response to StatusNotification.</summary>
public sealed record StatusNotificationResponse;
