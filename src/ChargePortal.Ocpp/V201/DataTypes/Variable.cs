namespace ChargePortal.Ocpp.V201;

/// <summary>Reference key to a component-variable.</summary>
public sealed record Variable
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Name of the variable. Name should be taken from the list of standardized variable names whenever possible. Case Insensitive. strongly advised to use Camel Case.</summary>
    public required string Name { get; init; }

    /// <summary>Name of instance in case the variable exists as multiple instances. Case Insensitive. strongly advised to use Camel Case.</summary>
    public string? Instance { get; init; }
}
