namespace ChargePortal.Ocpp.V16;

/// <summary>UnlockConnector request (Core profile), sent by the Central System.</summary>
public sealed record UnlockConnectorRequest
{
    public required int ConnectorId { get; init; }
}

/// <summary>Response to UnlockConnector.</summary>
public sealed record UnlockConnectorResponse
{
    public required UnlockStatus Status { get; init; }
}
