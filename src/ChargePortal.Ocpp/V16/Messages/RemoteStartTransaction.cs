namespace ChargePortal.Ocpp.V16;

/// <summary>RemoteStartTransaction request (Core profile), sent by the Central System.</summary>
public sealed record RemoteStartTransactionRequest
{
    public int? ConnectorId { get; init; }

    public required string IdTag { get; init; }

    public ChargingProfile? ChargingProfile { get; init; }
}

/// <summary>Response to RemoteStartTransaction.</summary>
public sealed record RemoteStartTransactionResponse
{
    public required RemoteStartStopStatus Status { get; init; }
}
