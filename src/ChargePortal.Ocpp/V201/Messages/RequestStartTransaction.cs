namespace ChargePortal.Ocpp.V201;

/// <summary>RequestStartTransaction request, sent by the CSMS.</summary>
public sealed record RequestStartTransactionRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Number of the EVSE on which to start the transaction. EvseId SHALL be &gt; 0</summary>
    public int? EvseId { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public IdToken? GroupIdToken { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public required IdToken IdToken { get; init; }

    /// <summary>Id given by the server to this start request. The Charging Station might return this in the TransactionEventRequest, letting the server know which transaction was started for this request. Use to start a transaction.</summary>
    public required int RemoteStartId { get; init; }

    /// <summary>A ChargingProfile consists of ChargingSchedule, describing the amount of power or current that can be delivered per time interval.</summary>
    public ChargingProfile? ChargingProfile { get; init; }
}

/// <summary>Response to RequestStartTransaction.</summary>
public sealed record RequestStartTransactionResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Status indicating whether the Charging Station accepts the request to start a transaction.</summary>
    public required RequestStartStopStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    /// <summary>When the transaction was already started by the Charging Station before the RequestStartTransactionRequest was received, for example: cable plugged in first. This contains the transactionId of the already started transaction.</summary>
    public string? TransactionId { get; init; }
}
