namespace ChargePortal.Ocpp.V201;

/// <summary>Relative Timer Interval</summary>
public sealed record RelativeTimeInterval
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Start of the interval, in seconds from NOW.</summary>
    public required int Start { get; init; }

    /// <summary>Duration of the interval, in seconds.</summary>
    public int? Duration { get; init; }
}
