namespace ChargePortal.Ocpp.V16;

/// <summary>CancelReservation request (Reservation profile), sent by the Central System.</summary>
public sealed record CancelReservationRequest
{
    public required int ReservationId { get; init; }
}

/// <summary>Response to CancelReservation.</summary>
public sealed record CancelReservationResponse
{
    public required CancelReservationStatus Status { get; init; }
}
