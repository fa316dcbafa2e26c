namespace ChargePortal.Ocpp.V16;

/// <summary>DataTransfer request (Core profile), sent by either side.</summary>
public sealed record DataTransferRequest
{
    public required string VendorId { get; init; }

    public string? MessageId { get; init; }

    public string? Data { get; init; }
}

/// <summary>Response to DataTransfer.</summary>
public sealed record DataTransferResponse
{
    public required DataTransferStatus Status { get; init; }

    public string? Data { get; init; }
}
