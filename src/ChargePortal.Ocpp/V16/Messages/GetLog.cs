namespace ChargePortal.Ocpp.V16;

/// <summary>GetLog request (Security Whitepaper), sent by the Central System.</summary>
public sealed record GetLogRequest
{
    public required LogParameters Log { get; init; }

    public required LogType LogType { get; init; }

    public required int RequestId { get; init; }

    public int? Retries { get; init; }

    public int? RetryInterval { get; init; }
}

/// <summary>Response to GetLog.</summary>
public sealed record GetLogResponse
{
    public required LogStatus Status { get; init; }

    public string? Filename { get; init; }
}
