namespace ChargePortal.Ocpp.V16;

/// <summary>StopTransaction request (Core profile), sent by the Charge Point.</summary>
public sealed record StopTransactionRequest
{
    public string? IdTag { get; init; }

    public required int MeterStop { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required int TransactionId { get; init; }

    public Reason? Reason { get; init; }

    public IReadOnlyList<MeterValue>? TransactionData { get; init; }
}

/// <summary>Response to StopTransaction.</summary>
public sealed record StopTransactionResponse
{
    public IdTagInfo? IdTagInfo { get; init; }
}
