namespace ChargePortal.Ocpp.V201;

/// <summary>GetTransactionStatus request, sent by the CSMS.</summary>
public sealed record GetTransactionStatusRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The Id of the transaction for which the status is requested.</summary>
    public string? TransactionId { get; init; }
}

/// <summary>Response to GetTransactionStatus.</summary>
public sealed record GetTransactionStatusResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Whether the transaction is still ongoing.</summary>
    public bool? OngoingIndicator { get; init; }

    /// <summary>Whether there are still message to be delivered.</summary>
    public required bool MessagesInQueue { get; init; }
}
