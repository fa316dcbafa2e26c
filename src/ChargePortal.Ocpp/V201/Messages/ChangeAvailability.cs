namespace ChargePortal.Ocpp.V201;

/// <summary>ChangeAvailability request, sent by the CSMS.</summary>
public sealed record ChangeAvailabilityRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>EVSE Electric Vehicle Supply Equipment</summary>
    public EVSE? Evse { get; init; }

    /// <summary>This contains the type of availability change that the Charging Station should perform.</summary>
    public required OperationalStatusEnum OperationalStatus { get; init; }
}

/// <summary>Response to ChangeAvailability.</summary>
public sealed record ChangeAvailabilityResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the Charging Station is able to perform the availability change.</summary>
    public required ChangeAvailabilityStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
