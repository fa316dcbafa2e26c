namespace ChargePortal.Ocpp.V16;

/// <summary>SendLocalList request (LocalAuthListManagement profile), sent by the Central System.</summary>
public sealed record SendLocalListRequest
{
    public required int ListVersion { get; init; }

    public IReadOnlyList<AuthorizationData>? LocalAuthorizationList { get; init; }

    public required UpdateType UpdateType { get; init; }
}

/// <summary>Response to SendLocalList.</summary>
public sealed record SendLocalListResponse
{
    public required UpdateStatus Status { get; init; }
}
