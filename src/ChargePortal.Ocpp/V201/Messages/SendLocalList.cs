namespace ChargePortal.Ocpp.V201;

/// <summary>SendLocalList request, sent by the CSMS.</summary>
public sealed record SendLocalListRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public IReadOnlyList<AuthorizationData>? LocalAuthorizationList { get; init; }

    /// <summary>In case of a full update this is the version number of the full list. In case of a differential update it is the version number of the list after the update has been applied.</summary>
    public required int VersionNumber { get; init; }

    /// <summary>This contains the type of update (full or differential) of this request.</summary>
    public required UpdateEnum UpdateType { get; init; }
}

/// <summary>Response to SendLocalList.</summary>
public sealed record SendLocalListResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This indicates whether the Charging Station has successfully received and applied the update of the Local Authorization List.</summary>
    public required SendLocalListStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
