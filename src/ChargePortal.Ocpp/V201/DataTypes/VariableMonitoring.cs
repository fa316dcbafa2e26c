namespace ChargePortal.Ocpp.V201;

/// <summary>A monitoring setting for a variable.</summary>
public sealed record VariableMonitoring
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Identifies the monitor.</summary>
    public required int Id { get; init; }

    /// <summary>Monitor only active when a transaction is ongoing on a component relevant to this transaction.</summary>
    public required bool Transaction { get; init; }

    /// <summary>Value for threshold or delta monitoring. For Periodic or PeriodicClockAligned this is the interval in seconds.</summary>
    public required decimal Value { get; init; }

    /// <summary>The type of this monitor, e.g. a threshold, delta or periodic monitor.</summary>
    public required MonitorEnum Type { get; init; }

    /// <summary>The severity that will be assigned to an event that is triggered by this monitor. The severity range is 0-9, with 0 as the highest and 9 as the lowest severity level. The severity levels have the following meaning: + *0-Danger* + Indicates lives are potentially in danger. Urgent attention is needed …</summary>
    public required int Severity { get; init; }
}
