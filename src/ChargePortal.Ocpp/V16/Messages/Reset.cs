namespace ChargePortal.Ocpp.V16;

/// <summary>Reset request (Core profile), sent by the Central System.</summary>
public sealed record ResetRequest
{
    public required ResetType Type { get; init; }
}

/// <summary>Response to Reset.</summary>
public sealed record ResetResponse
{
    public required ResetStatus Status { get; init; }
}
