namespace ChargePortal.Ocpp.V201;

/// <summary>SetNetworkProfile request, sent by the CSMS.</summary>
public sealed record SetNetworkProfileRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Slot in which the configuration should be stored.</summary>
    public required int ConfigurationSlot { get; init; }

    /// <summary>The NetworkConnectionProfile defines the functional and technical parameters of a communication link.</summary>
    public required NetworkConnectionProfile ConnectionData { get; init; }
}

/// <summary>Response to SetNetworkProfile.</summary>
public sealed record SetNetworkProfileResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Result of operation.</summary>
    public required SetNetworkProfileStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
