namespace ChargePortal.Ocpp.V201;

/// <summary>LogStatusNotification request, sent by the Charging Station.</summary>
public sealed record LogStatusNotificationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the status of the log upload.</summary>
    public required UploadLogStatusEnum Status { get; init; }

    /// <summary>The request id that was provided in GetLogRequest that started this log upload. This field is mandatory, unless the message was triggered by a TriggerMessageRequest AND there is no log upload ongoing.</summary>
    public int? RequestId { get; init; }
}

/// <summary>Response to LogStatusNotification.</summary>
public sealed record LogStatusNotificationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
