namespace ChargePortal.Ocpp.V201;

/// <summary>Log Generic class for the configuration of logging entries.</summary>
public sealed record LogParameters
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The URL of the location at the remote system where the log should be stored.</summary>
    public required string RemoteLocation { get; init; }

    /// <summary>This contains the date and time of the oldest logging information to include in the diagnostics.</summary>
    public DateTimeOffset? OldestTimestamp { get; init; }

    /// <summary>This contains the date and time of the latest logging information to include in the diagnostics.</summary>
    public DateTimeOffset? LatestTimestamp { get; init; }
}
