namespace ChargePortal.Ocpp.V201;

/// <summary>GetChargingProfiles request, sent by the CSMS.</summary>
public sealed record GetChargingProfilesRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Reference identification that is to be used by the Charging Station in the ReportChargingProfilesRequest when provided.</summary>
    public required int RequestId { get; init; }

    /// <summary>For which EVSE installed charging profiles SHALL be reported. If 0, only charging profiles installed on the Charging Station itself (the grid connection) SHALL be reported. If omitted, all installed charging profiles SHALL be reported.</summary>
    public int? EvseId { get; init; }

    /// <summary>A ChargingProfile consists of ChargingSchedule, describing the amount of power or current that can be delivered per time interval.</summary>
    public required ChargingProfileCriterion ChargingProfile { get; init; }
}

/// <summary>Response to GetChargingProfiles.</summary>
public sealed record GetChargingProfilesResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the Charging Station is able to process this request and will send ReportChargingProfilesRequest messages.</summary>
    public required GetChargingProfileStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
