namespace ChargePortal.Ocpp.V16;

/// <summary>DiagnosticsStatusNotification request (FirmwareManagement profile), sent by the Charge Point.</summary>
public sealed record DiagnosticsStatusNotificationRequest
{
    public required DiagnosticsStatus Status { get; init; }
}

/// <summary>Response to DiagnosticsStatusNotification.</summary>
public sealed record DiagnosticsStatusNotificationResponse;
