namespace ChargePortal.Ocpp.V16;

/// <summary>RemoteStopTransaction request (Core profile), sent by the Central System.</summary>
public sealed record RemoteStopTransactionRequest
{
    public required int TransactionId { get; init; }
}

/// <summary>Response to RemoteStopTransaction.</summary>
public sealed record RemoteStopTransactionResponse
{
    public required RemoteStartStopStatus Status { get; init; }
}
