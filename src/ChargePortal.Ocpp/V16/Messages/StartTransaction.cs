namespace ChargePortal.Ocpp.V16;

/// <summary>StartTransaction request (Core profile), sent by the Charge Point.</summary>
public sealed record StartTransactionRequest
{
    public required int ConnectorId { get; init; }

    public required string IdTag { get; init; }

    public required int MeterStart { get; init; }

    public int? ReservationId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public int? TransactionId { get; init; }
}

/// <summary>Response to StartTransaction.</summary>
public sealed record StartTransactionResponse
{
    public required IdTagInfo IdTagInfo { get; init; }

    public required int TransactionId { get; init; }
}
