namespace ChargePortal.Ocpp.V201;

/// <summary>GetLog request, sent by the CSMS.</summary>
public sealed record GetLogRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Log Generic class for the configuration of logging entries.</summary>
    public required LogParameters Log { get; init; }

    /// <summary>This contains the type of log file that the Charging Station should send.</summary>
    public required LogEnum LogType { get; init; }

    /// <summary>The Id of this request</summary>
    public required int RequestId { get; init; }

    /// <summary>This specifies how many times the Charging Station must try to upload the log before giving up. If this field is not present, it is left to Charging Station to decide how many times it wants to retry.</summary>
    public int? Retries { get; init; }

    /// <summary>The interval in seconds after which a retry may be attempted. If this field is not present, it is left to Charging Station to decide how long to wait between attempts.</summary>
    public int? RetryInterval { get; init; }
}

/// <summary>Response to GetLog.</summary>
public sealed record GetLogResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This field indicates whether the Charging Station was able to accept the request.</summary>
    public required LogStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    /// <summary>This contains the name of the log file that will be uploaded. This field is not present when no logging information is available.</summary>
    public string? Filename { get; init; }
}
