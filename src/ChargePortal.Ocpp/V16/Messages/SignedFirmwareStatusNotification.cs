namespace ChargePortal.Ocpp.V16;

/// <summary>SignedFirmwareStatusNotification request (Security Whitepaper), sent by the Charge Point.</summary>
public sealed record SignedFirmwareStatusNotificationRequest
{
    public required SignedFirmwareStatus Status { get; init; }

    public int? RequestId { get; init; }
}

/// <summary>Response to SignedFirmwareStatusNotification.</summary>
public sealed record SignedFirmwareStatusNotificationResponse;
