namespace ChargePortal.Ocpp.V201;

/// <summary>UnpublishFirmware request, sent by the CSMS.</summary>
public sealed record UnpublishFirmwareRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The MD5 checksum over the entire firmware file as a hexadecimal string of length 32.</summary>
    public required string Checksum { get; init; }
}

/// <summary>Response to UnpublishFirmware.</summary>
public sealed record UnpublishFirmwareResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates whether the Local Controller succeeded in unpublishing the firmware.</summary>
    public required UnpublishFirmwareStatusEnum Status { get; init; }
}
