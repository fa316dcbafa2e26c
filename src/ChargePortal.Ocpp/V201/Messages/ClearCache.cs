namespace ChargePortal.Ocpp.V201;

/// <summary>ClearCache request, sent by the CSMS.</summary>
public sealed record ClearCacheRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}

/// <summary>Response to ClearCache.</summary>
public sealed record ClearCacheResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Accepted if the Charging Station has executed the request, otherwise rejected.</summary>
    public required ClearCacheStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
