namespace ChargePortal.Ocpp.V16;

/// <summary>LogStatusNotification request (Security Whitepaper), sent by the Charge Point.</summary>
public sealed record LogStatusNotificationRequest
{
    public required UploadLogStatus Status { get; init; }

    public int? RequestId { get; init; }
}

/// <summary>Response to LogStatusNotification.</summary>
public sealed record LogStatusNotificationResponse;
