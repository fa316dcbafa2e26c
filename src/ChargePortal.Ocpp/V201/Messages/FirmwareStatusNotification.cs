namespace ChargePortal.Ocpp.V201;

/// <summary>FirmwareStatusNotification request, sent by the Charging Station.</summary>
public sealed record FirmwareStatusNotificationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the progress status of the firmware installation.</summary>
    public required FirmwareStatusEnum Status { get; init; }

    /// <summary>The request id that was provided in the UpdateFirmwareRequest that started this firmware update. This field is mandatory, unless the message was triggered by a TriggerMessageRequest AND there is no firmware update ongoing.</summary>
    public int? RequestId { get; init; }
}

/// <summary>Response to FirmwareStatusNotification.</summary>
public sealed record FirmwareStatusNotificationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
