namespace ChargePortal.Ocpp.V201;

/// <summary>CancelReservation request, sent by the CSMS.</summary>
public sealed record CancelReservationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Id of the reservation to cancel.</summary>
    public required int ReservationId { get; init; }
}

/// <summary>Response to CancelReservation.</summary>
public sealed record CancelReservationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates the success or failure of the canceling of a reservation by CSMS.</summary>
    public required CancelReservationStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
