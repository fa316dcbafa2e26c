namespace ChargePortal.Ocpp.V201;

/// <summary>MeterValues request, sent by the Charging Station.</summary>
public sealed record MeterValuesRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains a number (&gt;0) designating an EVSE of the Charging Station. ‘0’ (zero) is used to designate the main power meter.</summary>
    public required int EvseId { get; init; }

    public required IReadOnlyList<MeterValue> MeterValue { get; init; }
}

/// <summary>Response to MeterValues.</summary>
public sealed record MeterValuesResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
