namespace ChargePortal.Ocpp.V16;

/// <summary>SignedUpdateFirmware request (Security Whitepaper), sent by the Central System.</summary>
public sealed record SignedUpdateFirmwareRequest
{
    public int? Retries { get; init; }

    public int? RetryInterval { get; init; }

    public required int RequestId { get; init; }

    public required Firmware Firmware { get; init; }
}

/// <summary>Response to SignedUpdateFirmware.</summary>
public sealed record SignedUpdateFirmwareResponse
{
    public required UpdateFirmwareStatus Status { get; init; }
}
