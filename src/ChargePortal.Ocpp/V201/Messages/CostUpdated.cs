namespace ChargePortal.Ocpp.V201;

/// <summary>CostUpdated request, sent by the CSMS.</summary>
public sealed record CostUpdatedRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Current total cost, based on the information known by the CSMS, of the transaction including taxes. In the currency configured with the configuration Variable: [ Currency]</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>Transaction Id of the transaction the current cost are asked for.</summary>
    public required string TransactionId { get; init; }
}

/// <summary>Response to CostUpdated.</summary>
public sealed record CostUpdatedResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
