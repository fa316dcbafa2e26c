namespace ChargePortal.Ocpp.V201;

/// <summary>ReservationStatusUpdate request, sent by the Charging Station.</summary>
public sealed record ReservationStatusUpdateRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The ID of the reservation.</summary>
    public required int ReservationId { get; init; }

    /// <summary>The updated reservation status.</summary>
    public required ReservationUpdateStatusEnum ReservationUpdateStatus { get; init; }
}

/// <summary>Response to ReservationStatusUpdate.</summary>
public sealed record ReservationStatusUpdateResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
