namespace ChargePortal.Ocpp.V16;

/// <summary>GetLocalListVersion request (LocalAuthListManagement profile), sent by the Central System.</summary>
public sealed record GetLocalListVersionRequest;

/// <summary>Response to GetLocalListVersion.</summary>
public sealed record GetLocalListVersionResponse
{
    public required int ListVersion { get; init; }
}
