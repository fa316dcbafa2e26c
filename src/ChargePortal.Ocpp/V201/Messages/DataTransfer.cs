using System.Text.Json;

namespace ChargePortal.Ocpp.V201;

/// <summary>DataTransfer request, sent by either side.</summary>
public sealed record DataTransferRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>May be used to indicate a specific message or implementation.</summary>
    public string? MessageId { get; init; }

    /// <summary>Data without specified length or format. This needs to be decided by both parties (Open to implementation).</summary>
    public JsonElement? Data { get; init; }

    /// <summary>This identifies the Vendor specific implementation</summary>
    public required string VendorId { get; init; }
}

/// <summary>Response to DataTransfer.</summary>
public sealed record DataTransferResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates the success or failure of the data transfer.</summary>
    public required DataTransferStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    /// <summary>Data without specified length or format, in response to request.</summary>
    public JsonElement? Data { get; init; }
}
