namespace ChargePortal.Ocpp.V201;

/// <summary>APN Collection of configuration data needed to make a data-connection over a cellular network. NOTE: When asking a GSM modem to dial in, it is possible to specify which mobile operator should be used. This can be done with the mobile country code (MCC) in combination with a mobile network code …</summary>
public sealed record APN
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The Access Point Name as an URL.</summary>
    public required string Apn { get; init; }

    /// <summary>APN username.</summary>
    public string? ApnUserName { get; init; }

    /// <summary>APN Password.</summary>
    public string? ApnPassword { get; init; }

    /// <summary>SIM card pin code.</summary>
    public int? SimPin { get; init; }

    /// <summary>Preferred network, written as MCC and MNC concatenated. See note.</summary>
    public string? PreferredNetwork { get; init; }

    /// <summary>Default: false. Use only the preferred Network, do not dial in when not available. See Note.</summary>
    public bool? UseOnlyPreferredNetwork { get; init; }

    /// <summary>Authentication method.</summary>
    public required APNAuthenticationEnum ApnAuthentication { get; init; }
}
