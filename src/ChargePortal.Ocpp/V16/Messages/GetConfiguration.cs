namespace ChargePortal.Ocpp.V16;

/// <summary>GetConfiguration request (Core profile), sent by the Central System.</summary>
public sealed record GetConfigurationRequest
{
    public IReadOnlyList<string>? Key { get; init; }
}

/// <summary>Response to GetConfiguration.</summary>
public sealed record GetConfigurationResponse
{
    public IReadOnlyList<KeyValue>? ConfigurationKey { get; init; }

    public IReadOnlyList<string>? UnknownKey { get; init; }
}
