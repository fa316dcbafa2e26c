namespace ChargePortal.Ocpp.V201;

/// <summary>PublishFirmwareStatusNotification request, sent by the Charging Station.</summary>
public sealed record PublishFirmwareStatusNotificationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the progress status of the publishfirmware installation.</summary>
    public required PublishFirmwareStatusEnum Status { get; init; }

    /// <summary>Required if status is Published. Can be multiple URI’s, if the Local Controller supports e.g. HTTP, HTTPS, and FTP.</summary>
    public IReadOnlyList<string>? Location { get; init; }

    /// <summary>The request id that was provided in the PublishFirmwareRequest which triggered this action.</summary>
    public int? RequestId { get; init; }
}

/// <summary>Response to PublishFirmwareStatusNotification.</summary>
public sealed record PublishFirmwareStatusNotificationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
