namespace ChargePortal.Ocpp.V201;

/// <summary>UnlockConnector request, sent by the CSMS.</summary>
public sealed record UnlockConnectorRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the identifier of the EVSE for which a connector needs to be unlocked.</summary>
    public required int EvseId { get; init; }

    /// <summary>This contains the identifier of the connector that needs to be unlocked.</summary>
    public required int ConnectorId { get; init; }
}

/// <summary>Response to UnlockConnector.</summary>
public sealed record UnlockConnectorResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the Charging Station has unlocked the connector.</summary>
    public required UnlockStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
