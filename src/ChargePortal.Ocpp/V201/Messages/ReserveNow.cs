namespace ChargePortal.Ocpp.V201;

/// <summary>ReserveNow request, sent by the CSMS.</summary>
public sealed record ReserveNowRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Id of reservation.</summary>
    public required int Id { get; init; }

    /// <summary>Date and time at which the reservation expires.</summary>
    public required DateTimeOffset ExpiryDateTime { get; init; }

    /// <summary>This field specifies the connector type.</summary>
    public ConnectorEnum? ConnectorType { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public required IdToken IdToken { get; init; }

    /// <summary>This contains ID of the evse to be reserved.</summary>
    public int? EvseId { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public IdToken? GroupIdToken { get; init; }
}

/// <summary>Response to ReserveNow.</summary>
public sealed record ReserveNowResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates the success or failure of the reservation.</summary>
    public required ReserveNowStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
