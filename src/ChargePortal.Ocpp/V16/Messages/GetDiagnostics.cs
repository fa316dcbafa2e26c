namespace ChargePortal.Ocpp.V16;

/// <summary>GetDiagnostics request (FirmwareManagement profile), sent by the Central System.</summary>
public sealed record GetDiagnosticsRequest
{
    public required string Location { get; init; }

    public int? Retries { get; init; }

    public int? RetryInterval { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? StopTime { get; init; }
}

/// <summary>Response to GetDiagnostics.</summary>
public sealed record GetDiagnosticsResponse
{
    public string? FileName { get; init; }
}
