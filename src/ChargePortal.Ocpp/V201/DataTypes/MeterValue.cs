namespace ChargePortal.Ocpp.V201;

/// <summary>Collection of one or more sampled values in MeterValuesRequest and TransactionEvent. All sampled values in a MeterValue are sampled at the same point in time.</summary>
public sealed record MeterValue
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public required IReadOnlyList<SampledValue> SampledValue { get; init; }

    /// <summary>Timestamp for measured value(s).</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
