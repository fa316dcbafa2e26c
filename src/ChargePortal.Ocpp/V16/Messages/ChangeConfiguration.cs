namespace ChargePortal.Ocpp.V16;

/// <summary>ChangeConfiguration request (Core profile), sent by the Central System.</summary>
public sealed record ChangeConfigurationRequest
{
    public required string Key { get; init; }

    public required string Value { get; init; }
}

/// <summary>Response to ChangeConfiguration.</summary>
public sealed record ChangeConfigurationResponse
{
    public required ConfigurationStatus Status { get; init; }
}
