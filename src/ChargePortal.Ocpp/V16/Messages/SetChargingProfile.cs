namespace ChargePortal.Ocpp.V16;

/// <summary>SetChargingProfile request (SmartCharging profile), sent by the Central System.</summary>
public sealed record SetChargingProfileRequest
{
    public required int ConnectorId { get; init; }

    public required ChargingProfile CsChargingProfiles { get; init; }
}

/// <summary>Response to SetChargingProfile.</summary>
public sealed record SetChargingProfileResponse
{
    public required ChargingProfileStatus Status { get; init; }
}
