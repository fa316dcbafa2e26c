namespace ChargePortal.Ocpp.V16;

/// <summary>FirmwareStatusNotification request (FirmwareManagement profile), sent by the Charge Point.</summary>
public sealed record FirmwareStatusNotificationRequest
{
    public required FirmwareStatus Status { get; init; }
}

/// <summary>Response to FirmwareStatusNotification.</summary>
public sealed record FirmwareStatusNotificationResponse;
