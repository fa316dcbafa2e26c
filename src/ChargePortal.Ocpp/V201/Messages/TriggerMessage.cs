namespace ChargePortal.Ocpp.V201;

/// <summary>TriggerMessage request, sent by the CSMS.</summary>
public sealed record TriggerMessageRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>EVSE Electric Vehicle Supply Equipment</summary>
    public EVSE? Evse { get; init; }

    /// <summary>Type of message to be triggered.</summary>
    public required MessageTriggerEnum RequestedMessage { get; init; }
}

/// <summary>Response to TriggerMessage.</summary>
public sealed record TriggerMessageResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates whether the Charging Station will send the requested notification or not.</summary>
    public required TriggerMessageStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
