namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyEVChargingNeeds request, sent by the Charging Station.</summary>
public sealed record NotifyEVChargingNeedsRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Contains the maximum schedule tuples the car supports per schedule.</summary>
    public int? MaxScheduleTuples { get; init; }

    /// <summary>Charging Needs</summary>
    public required ChargingNeeds ChargingNeeds { get; init; }

    /// <summary>Defines the EVSE and connector to which the EV is connected. EvseId may not be 0.</summary>
    public required int EvseId { get; init; }
}

/// <summary>Response to NotifyEVChargingNeeds.</summary>
public sealed record NotifyEVChargingNeedsResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Returns whether the CSMS has been able to process the message successfully. It does not imply that the evChargingNeeds can be met with the current charging profile.</summary>
    public required NotifyEVChargingNeedsStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
