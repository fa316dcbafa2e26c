namespace ChargePortal.Ocpp.V16;

/// <summary>Where and which period of a log to upload (Security Whitepaper LogParametersType).</summary>
public sealed record LogParameters
{
    public required string RemoteLocation { get; init; }

    public DateTimeOffset? OldestTimestamp { get; init; }

    public DateTimeOffset? LatestTimestamp { get; init; }
}
