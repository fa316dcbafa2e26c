namespace ChargePortal.Ocpp.V16;

/// <summary>UpdateFirmware request (FirmwareManagement profile), sent by the Central System.</summary>
public sealed record UpdateFirmwareRequest
{
    public required string Location { get; init; }

    public decimal? Retries { get; init; }

    public required DateTimeOffset RetrieveDate { get; init; }

    public decimal? RetryInterval { get; init; }
}

/// <summary>Response to UpdateFirmware.</summary>
public sealed record UpdateFirmwareResponse;
