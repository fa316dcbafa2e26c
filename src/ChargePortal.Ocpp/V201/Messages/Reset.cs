namespace ChargePortal.Ocpp.V201;

/// <summary>Reset request, sent by the CSMS.</summary>
public sealed record ResetRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the type of reset that the Charging Station or EVSE should perform.</summary>
    public required ResetEnum Type { get; init; }

    /// <summary>This contains the ID of a specific EVSE that needs to be reset, instead of the entire Charging Station.</summary>
    public int? EvseId { get; init; }
}

/// <summary>Response to Reset.</summary>
public sealed record ResetResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the Charging Station is able to perform the reset.</summary>
    public required ResetStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
