namespace ChargePortal.Ocpp.V201;

/// <summary>The NetworkConnectionProfile defines the functional and technical parameters of a communication link.</summary>
public sealed record NetworkConnectionProfile
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>APN Collection of configuration data needed to make a data-connection over a cellular network. NOTE: When asking a GSM modem to dial in, it is possible to specify which mobile operator should be used. This can be done with the mobile country code (MCC) in combination with a mobile network code …</summary>
    public APN? Apn { get; init; }

    /// <summary>Defines the OCPP version used for this communication function.</summary>
    public required OCPPVersionEnum OcppVersion { get; init; }

    /// <summary>Defines the transport protocol (e.g. SOAP or JSON). Note: SOAP is not supported in OCPP 2.0, but is supported by other versions of OCPP.</summary>
    public required OCPPTransportEnum OcppTransport { get; init; }

    /// <summary>URL of the CSMS(s) that this Charging Station communicates with.</summary>
    public required string OcppCsmsUrl { get; init; }

    /// <summary>Duration in seconds before a message send by the Charging Station via this network connection times-out. The best setting depends on the underlying network and response times of the CSMS. If you are looking for a some guideline: use 30 seconds as a starting point.</summary>
    public required int MessageTimeout { get; init; }

    /// <summary>This field specifies the security profile used when connecting to the CSMS with this NetworkConnectionProfile.</summary>
    public required int SecurityProfile { get; init; }

    /// <summary>Applicable Network Interface.</summary>
    public required OCPPInterfaceEnum OcppInterface { get; init; }

    /// <summary>VPN VPN Configuration settings</summary>
    public VPN? Vpn { get; init; }
}
