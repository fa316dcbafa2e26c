namespace ChargePortal.Ocpp.V16;

/// <summary>ReserveNow request (Reservation profile), sent by the Central System.</summary>
public sealed record ReserveNowRequest
{
    public required int ConnectorId { get; init; }

    public required DateTimeOffset ExpiryDate { get; init; }

    public required string IdTag { get; init; }

    public string? ParentIdTag { get; init; }

    public required int ReservationId { get; init; }
}

/// <summary>Response to ReserveNow.</summary>
public sealed record ReserveNowResponse
{
    public required ReservationStatus Status { get; init; }
}
