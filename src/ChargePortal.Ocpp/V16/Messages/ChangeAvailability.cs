namespace ChargePortal.Ocpp.V16;

/// <summary>ChangeAvailability request (Core profile), sent by the Central System.</summary>
public sealed record ChangeAvailabilityRequest
{
    public required int ConnectorId { get; init; }

    public required AvailabilityType Type { get; init; }
}

/// <summary>Response to ChangeAvailability.</summary>
public sealed record ChangeAvailabilityResponse
{
    public required AvailabilityStatus Status { get; init; }
}
