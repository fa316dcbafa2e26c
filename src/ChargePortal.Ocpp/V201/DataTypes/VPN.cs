namespace ChargePortal.Ocpp.V201;

/// <summary>VPN VPN Configuration settings</summary>
public sealed record VPN
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>VPN Server Address</summary>
    public required string Server { get; init; }

    /// <summary>VPN User</summary>
    public required string User { get; init; }

    /// <summary>VPN group.</summary>
    public string? Group { get; init; }

    /// <summary>VPN Password.</summary>
    public required string Password { get; init; }

    /// <summary>VPN shared secret.</summary>
    public required string Key { get; init; }

    /// <summary>Type of VPN</summary>
    public required VPNEnum Type { get; init; }
}
