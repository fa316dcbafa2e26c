namespace ChargePortal.Ocpp.V201;

/// <summary>Transaction</summary>
public sealed record Transaction
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the Id of the transaction.</summary>
    public required string TransactionId { get; init; }

    /// <summary>Current charging state, is required when state has changed.</summary>
    public ChargingStateEnum? ChargingState { get; init; }

    /// <summary>Contains the total time that energy flowed from EVSE to EV during the transaction (in seconds). Note that timeSpentCharging is smaller or equal to the duration of the transaction.</summary>
    public int? TimeSpentCharging { get; init; }

    /// <summary>This contains the reason why the transaction was stopped. MAY only be omitted when Reason is "Local".</summary>
    public ReasonEnum? StoppedReason { get; init; }

    /// <summary>The ID given to remote start request ( RequestStartTransactionRequest. This enables to CSMS to match the started transaction to the given start request.</summary>
    public int? RemoteStartId { get; init; }
}
