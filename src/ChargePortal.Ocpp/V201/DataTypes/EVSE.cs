namespace ChargePortal.Ocpp.V201;

/// <summary>EVSE Electric Vehicle Supply Equipment</summary>
public sealed record EVSE
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>EVSE Identifier. This contains a number (&gt; 0) designating an EVSE of the Charging Station.</summary>
    public required int Id { get; init; }

    /// <summary>An id to designate a specific connector (on an EVSE) by connector index number.</summary>
    public int? ConnectorId { get; init; }
}
