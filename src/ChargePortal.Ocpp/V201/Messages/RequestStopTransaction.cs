namespace ChargePortal.Ocpp.V201;

/// <summary>RequestStopTransaction request, sent by the CSMS.</summary>
public sealed record RequestStopTransactionRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The identifier of the transaction which the Charging Station is requested to stop.</summary>
    public required string TransactionId { get; init; }
}

/// <summary>Response to RequestStopTransaction.</summary>
public sealed record RequestStopTransactionResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Status indicating whether Charging Station accepts the request to stop a transaction.</summary>
    public required RequestStartStopStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
