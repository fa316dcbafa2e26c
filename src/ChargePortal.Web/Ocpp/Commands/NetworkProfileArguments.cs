using System.Text.Json.Serialization;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>2.0.1 OCPPInterfaceEnumType: the network interface a connection profile uses.</summary>
public enum OcppInterface
{
    Wired0,
    Wired1,
    Wired2,
    Wired3,
    Wireless0,
    Wireless1,
    Wireless2,
    Wireless3,
}

/// <summary>2.0.1 OCPPVersionEnumType (a 2.0.1 station connects with OCPP20).</summary>
public enum ProfileOcppVersion
{
    OCPP12,
    OCPP15,
    OCPP16,
    OCPP20,
}

public enum ProfileTransport
{
    JSON,
    SOAP,
}

public enum ApnAuthentication
{
    CHAP,
    NONE,
    PAP,
    AUTO,
}

public enum VpnType
{
    IKEv2,
    IPSec,
    L2TP,
    PPTP,
}

/// <summary>A mobile data connection (2.0.1 APNType). Secrets are kept out of the audit log.</summary>
public sealed record ApnSettings(
    string Apn, string? UserName, [property: JsonIgnore] string? Password, [property: JsonIgnore] int? SimPin, string? PreferredNetwork,
    bool? UseOnlyPreferredNetwork, ApnAuthentication Authentication);

/// <summary>A VPN to reach the CSMS through (2.0.1 VPNType). Secrets are kept out of the audit log.</summary>
public sealed record VpnSettings(string Server, string User, string? Group, [property: JsonIgnore] string Password, [property: JsonIgnore] string Key, VpnType Type);

/// <summary>One NetworkConnectionProfile: how the station reaches the CSMS, and on which security profile (A05, B09).</summary>
public sealed record NetworkConnectionSettings(
    ProfileOcppVersion OcppVersion, ProfileTransport Transport, Uri CsmsUrl, int MessageTimeoutSeconds, int SecurityProfile, OcppInterface Interface,
    ApnSettings? Apn, VpnSettings? Vpn);

/// <summary>2.0.1 SetNetworkProfile (B09): store <see cref="Connection"/> in the station's configuration slot.</summary>
public sealed record SetNetworkProfileArguments(int ConfigurationSlot, NetworkConnectionSettings Connection) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.SetNetworkProfile;
}
