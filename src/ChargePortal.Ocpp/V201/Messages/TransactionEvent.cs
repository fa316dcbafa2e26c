namespace ChargePortal.Ocpp.V201;

/// <summary>TransactionEvent request, sent by the Charging Station.</summary>
public sealed record TransactionEventRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the type of this event. The first TransactionEvent of a transaction SHALL contain: "Started" The last TransactionEvent of a transaction SHALL contain: "Ended" All others SHALL contain: "Updated"</summary>
    public required TransactionEventEnum EventType { get; init; }

    public IReadOnlyList<MeterValue>? MeterValue { get; init; }

    /// <summary>The date and time at which this transaction event occurred.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Reason the Charging Station sends this message to the CSMS</summary>
    public required TriggerReasonEnum TriggerReason { get; init; }

    /// <summary>Incremental sequence number, helps with determining if all messages of a transaction have been received.</summary>
    public required int SeqNo { get; init; }

    /// <summary>Indication that this transaction event happened when the Charging Station was offline. Default = false, meaning: the event occurred when the Charging Station was online.</summary>
    public bool? Offline { get; init; }

    /// <summary>If the Charging Station is able to report the number of phases used, then it SHALL provide it. When omitted the CSMS may be able to determine the number of phases used via device management.</summary>
    public int? NumberOfPhasesUsed { get; init; }

    /// <summary>The maximum current of the connected cable in Ampere (A).</summary>
    public int? CableMaxCurrent { get; init; }

    /// <summary>This contains the Id of the reservation that terminates as a result of this transaction.</summary>
    public int? ReservationId { get; init; }

    /// <summary>Transaction</summary>
    public required Transaction TransactionInfo { get; init; }

    /// <summary>EVSE Electric Vehicle Supply Equipment</summary>
    public EVSE? Evse { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public IdToken? IdToken { get; init; }
}

/// <summary>Response to TransactionEvent.</summary>
public sealed record TransactionEventResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>SHALL only be sent when charging has ended. Final total cost of this transaction, including taxes. In the currency configured with the Configuration Variable: `Currency`. When omitted, the transaction was NOT free. To indicate a free transaction, the CSMS SHALL send 0.00.</summary>
    public decimal? TotalCost { get; init; }

    /// <summary>Priority from a business point of view. Default priority is 0, The range is from -9 to 9. Higher values indicate a higher priority. The chargingPriority in TransactionEventResponse is temporarily, so it may not be set in the IdTokenInfoType afterwards. Also the chargingPriority in …</summary>
    public int? ChargingPriority { get; init; }

    /// <summary>Contains status information about an identifier. It is advised to not stop charging for a token that expires during charging, as ExpiryDate is only used for caching purposes. If ExpiryDate is not given, the status has no end date.</summary>
    public IdTokenInfo? IdTokenInfo { get; init; }

    /// <summary>Contains message details, for a message to be displayed on a Charging Station.</summary>
    public MessageContent? UpdatedPersonalMessage { get; init; }
}
