namespace ChargePortal.Ocpp.V201;

/// <summary>ReportChargingProfiles request, sent by the Charging Station.</summary>
public sealed record ReportChargingProfilesRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Id used to match the GetChargingProfilesRequest message with the resulting ReportChargingProfilesRequest messages. When the CSMS provided a requestId in the GetChargingProfilesRequest, this field SHALL contain the same value.</summary>
    public required int RequestId { get; init; }

    /// <summary>Source that has installed this charging profile.</summary>
    public required ChargingLimitSourceEnum ChargingLimitSource { get; init; }

    public required IReadOnlyList<ChargingProfile> ChargingProfile { get; init; }

    /// <summary>To Be Continued. Default value when omitted: false. false indicates that there are no further messages as part of this report.</summary>
    public bool? Tbc { get; init; }

    /// <summary>The evse to which the charging profile applies. If evseId = 0, the message contains an overall limit for the Charging Station.</summary>
    public required int EvseId { get; init; }
}

/// <summary>Response to ReportChargingProfiles.</summary>
public sealed record ReportChargingProfilesResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
