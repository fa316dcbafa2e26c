namespace ChargePortal.Ocpp.V201;

/// <summary>UpdateFirmware request, sent by the CSMS.</summary>
public sealed record UpdateFirmwareRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This specifies how many times Charging Station must try to download the firmware before giving up. If this field is not present, it is left to Charging Station to decide how many times it wants to retry.</summary>
    public int? Retries { get; init; }

    /// <summary>The interval in seconds after which a retry may be attempted. If this field is not present, it is left to Charging Station to decide how long to wait between attempts.</summary>
    public int? RetryInterval { get; init; }

    /// <summary>The Id of this request</summary>
    public required int RequestId { get; init; }

    /// <summary>Firmware Represents a copy of the firmware that can be loaded/updated on the Charging Station.</summary>
    public required Firmware Firmware { get; init; }
}

/// <summary>Response to UpdateFirmware.</summary>
public sealed record UpdateFirmwareResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This field indicates whether the Charging Station was able to accept the request.</summary>
    public required UpdateFirmwareStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
