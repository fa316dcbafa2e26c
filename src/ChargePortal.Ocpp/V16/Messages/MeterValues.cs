namespace ChargePortal.Ocpp.V16;

/// <summary>MeterValues request (Core profile), sent by the Charge Point.</summary>
public sealed record MeterValuesRequest
{
    public required int ConnectorId { get; init; }

    public int? TransactionId { get; init; }

    public required IReadOnlyList<MeterValue> MeterValue { get; init; }
}

/// <summary>Response to MeterValues.</summary>
public sealed record MeterValuesResponse;
