namespace ChargePortal.Ocpp.V201;

/// <summary>Heartbeat request, sent by the Charging Station.</summary>
public sealed record HeartbeatRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}

/// <summary>Response to Heartbeat.</summary>
public sealed record HeartbeatResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Contains the current time of the CSMS.</summary>
    public required DateTimeOffset CurrentTime { get; init; }
}
