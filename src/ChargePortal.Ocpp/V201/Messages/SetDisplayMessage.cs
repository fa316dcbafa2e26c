namespace ChargePortal.Ocpp.V201;

/// <summary>SetDisplayMessage request, sent by the CSMS.</summary>
public sealed record SetDisplayMessageRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Contains message details, for a message to be displayed on a Charging Station.</summary>
    public required MessageInfo Message { get; init; }
}

/// <summary>Response to SetDisplayMessage.</summary>
public sealed record SetDisplayMessageResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the Charging Station is able to display the message.</summary>
    public required DisplayMessageStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
