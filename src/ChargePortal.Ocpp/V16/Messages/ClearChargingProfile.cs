namespace ChargePortal.Ocpp.V16;

/// <summary>ClearChargingProfile request (SmartCharging profile), sent by the Central System.</summary>
public sealed record ClearChargingProfileRequest
{
    public int? Id { get; init; }

    public int? ConnectorId { get; init; }

    public ChargingProfilePurpose? ChargingProfilePurpose { get; init; }

    public int? StackLevel { get; init; }
}

/// <summary>Response to ClearChargingProfile.</summary>
public sealed record ClearChargingProfileResponse
{
    public required ClearChargingProfileStatus Status { get; init; }
}
