namespace ChargePortal.Ocpp.V201;

/// <summary>A ChargingProfile consists of a ChargingSchedule, describing the amount of power or current that can be delivered per time interval.</summary>
public sealed record ClearChargingProfile
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Specifies the id of the EVSE for which to clear charging profiles. An evseId of zero (0) specifies the charging profile for the overall Charging Station. Absence of this parameter means the clearing applies to all charging profiles that match the other criteria in the request.</summary>
    public int? EvseId { get; init; }

    /// <summary>Specifies to purpose of the charging profiles that will be cleared, if they meet the other criteria in the request.</summary>
    public ChargingProfilePurposeEnum? ChargingProfilePurpose { get; init; }

    /// <summary>Specifies the stackLevel for which charging profiles will be cleared, if they meet the other criteria in the request.</summary>
    public int? StackLevel { get; init; }
}
