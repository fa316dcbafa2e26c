namespace ChargePortal.Ocpp.V16;

/// <summary>ClearCache request (Core profile), sent by the Central System.</summary>
public sealed record ClearCacheRequest;

/// <summary>Response to ClearCache.</summary>
public sealed record ClearCacheResponse
{
    public required ClearCacheStatus Status { get; init; }
}
