namespace ChargePortal.Ocpp.V201;

/// <summary>ClearDisplayMessage request, sent by the CSMS.</summary>
public sealed record ClearDisplayMessageRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Id of the message that SHALL be removed from the Charging Station.</summary>
    public required int Id { get; init; }
}

/// <summary>Response to ClearDisplayMessage.</summary>
public sealed record ClearDisplayMessageResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Returns whether the Charging Station has been able to remove the message.</summary>
    public required ClearMessageStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
