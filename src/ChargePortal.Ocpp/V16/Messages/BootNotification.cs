namespace ChargePortal.Ocpp.V16;

/// <summary>BootNotification request (Core profile), sent by the Charge Point.</summary>
public sealed record BootNotificationRequest
{
    public required string ChargePointVendor { get; init; }

    public required string ChargePointModel { get; init; }

    public string? ChargePointSerialNumber { get; init; }

    public string? ChargeBoxSerialNumber { get; init; }

    public string? FirmwareVersion { get; init; }

    public string? Iccid { get; init; }

    public string? Imsi { get; init; }

    public string? MeterType { get; init; }

    public string? MeterSerialNumber { get; init; }
}

/// <summary>Response to BootNotification.</summary>
public sealed record BootNotificationResponse
{
    public required RegistrationStatus Status { get; init; }

    public required DateTimeOffset CurrentTime { get; init; }

    public required decimal Interval { get; init; }
}
