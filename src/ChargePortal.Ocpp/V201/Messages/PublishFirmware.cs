namespace ChargePortal.Ocpp.V201;

/// <summary>PublishFirmware request, sent by the CSMS.</summary>
public sealed record PublishFirmwareRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains a string containing a URI pointing to a location from which to retrieve the firmware.</summary>
    public required string Location { get; init; }

    /// <summary>This specifies how many times Charging Station must try to download the firmware before giving up. If this field is not present, it is left to Charging Station to decide how many times it wants to retry.</summary>
    public int? Retries { get; init; }

    /// <summary>The MD5 checksum over the entire firmware file as a hexadecimal string of length 32.</summary>
    public required string Checksum { get; init; }

    /// <summary>The Id of the request.</summary>
    public required int RequestId { get; init; }

    /// <summary>The interval in seconds after which a retry may be attempted. If this field is not present, it is left to Charging Station to decide how long to wait between attempts.</summary>
    public int? RetryInterval { get; init; }
}

/// <summary>Response to PublishFirmware.</summary>
public sealed record PublishFirmwareResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates whether the request was accepted.</summary>
    public required GenericStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
