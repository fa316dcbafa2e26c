namespace ChargePortal.Ocpp.V201;

/// <summary>ClearChargingProfile request, sent by the CSMS.</summary>
public sealed record ClearChargingProfileRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The Id of the charging profile to clear.</summary>
    public int? ChargingProfileId { get; init; }

    /// <summary>A ChargingProfile consists of a ChargingSchedule, describing the amount of power or current that can be delivered per time interval.</summary>
    public ClearChargingProfile? ChargingProfileCriteria { get; init; }
}

/// <summary>Response to ClearChargingProfile.</summary>
public sealed record ClearChargingProfileResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates if the Charging Station was able to execute the request.</summary>
    public required ClearChargingProfileStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
