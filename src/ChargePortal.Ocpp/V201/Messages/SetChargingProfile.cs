namespace ChargePortal.Ocpp.V201;

/// <summary>SetChargingProfile request, sent by the CSMS.</summary>
public sealed record SetChargingProfileRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>For TxDefaultProfile an evseId=0 applies the profile to each individual evse. For ChargingStationMaxProfile and ChargingStationExternalConstraints an evseId=0 contains an overal limit for the whole Charging Station.</summary>
    public required int EvseId { get; init; }

    /// <summary>A ChargingProfile consists of ChargingSchedule, describing the amount of power or current that can be delivered per time interval.</summary>
    public required ChargingProfile ChargingProfile { get; init; }
}

/// <summary>Response to SetChargingProfile.</summary>
public sealed record SetChargingProfileResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Returns whether the Charging Station has been able to process the message successfully. This does not guarantee the schedule will be followed to the letter. There might be other constraints the Charging Station may need to take into account.</summary>
    public required ChargingProfileStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
