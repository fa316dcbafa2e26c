using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.Ocpp.Commands;

public sealed partial class V201CommandAdapter
{
    private static OcppOutgoingCall SetNetworkProfile(SetNetworkProfileArguments arguments)
    {
        var c = arguments.Connection;
        return Call("SetNetworkProfile", new SetNetworkProfileRequest
        {
            ConfigurationSlot = arguments.ConfigurationSlot,
            ConnectionData = new NetworkConnectionProfile
            {
                OcppVersion = Enum.Parse<OCPPVersionEnum>(c.OcppVersion.ToString()),
                OcppTransport = Enum.Parse<OCPPTransportEnum>(c.Transport.ToString()),
                OcppCsmsUrl = c.CsmsUrl.AbsoluteUri,
                MessageTimeout = c.MessageTimeoutSeconds,
                SecurityProfile = c.SecurityProfile,
                OcppInterface = Enum.Parse<OCPPInterfaceEnum>(c.Interface.ToString()),
                Apn = c.Apn is { } apn
                    ? new APN
                    {
                        Apn = apn.Apn,
                        ApnUserName = apn.UserName,
                        ApnPassword = apn.Password,
                        SimPin = apn.SimPin,
                        PreferredNetwork = apn.PreferredNetwork,
                        UseOnlyPreferredNetwork = apn.UseOnlyPreferredNetwork,
                        ApnAuthentication = Enum.Parse<APNAuthenticationEnum>(apn.Authentication.ToString()),
                    }
                    : null,
                Vpn = c.Vpn is { } vpn
                    ? new VPN { Server = vpn.Server, User = vpn.User, Group = vpn.Group, Password = vpn.Password, Key = vpn.Key, Type = Enum.Parse<VPNEnum>(vpn.Type.ToString()) }
                    : null,
            },
        });
    }
}
