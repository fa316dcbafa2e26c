namespace ChargePortal.Ocpp.V201;

/// <summary>A physical or logical component</summary>
public sealed record Component
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>EVSE Electric Vehicle Supply Equipment</summary>
    public EVSE? Evse { get; init; }

    /// <summary>Name of the component. Name should be taken from the list of standardized component names whenever possible. Case Insensitive. strongly advised to use Camel Case.</summary>
    public required string Name { get; init; }

    /// <summary>Name of instance in case the component exists as multiple instances. Case Insensitive. strongly advised to use Camel Case.</summary>
    public string? Instance { get; init; }
}
