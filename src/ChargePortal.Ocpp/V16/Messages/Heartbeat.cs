namespace ChargePortal.Ocpp.V16;

/// <summary>Heartbeat request (Core profile), sent by the Charge Point.</summary>
public sealed record HeartbeatRequest;

/// <summary>Response to Heartbeat.</summary>
public sealed record HeartbeatResponse
{
    public required DateTimeOffset CurrentTime { get; init; }
}
