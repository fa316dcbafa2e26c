namespace ChargePortal.Ocpp.V201;

/// <summary>GetLocalListVersion request, sent by the CSMS.</summary>
public sealed record GetLocalListVersionRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}

/// <summary>Response to GetLocalListVersion.</summary>
public sealed record GetLocalListVersionResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This contains the current version number of the local authorization list in the Charging Station.</summary>
    public required int VersionNumber { get; init; }
}
