using System.Text.Json;
using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.StationSecurity.NetworkProfiles;

/// <summary>
/// A connection profile for a slot and, optionally, the NetworkConfigurationPriority to set afterwards (slots, the new one
/// first; without it the station's current list is read and the new slot put in front).
/// </summary>
public sealed record NetworkProfileRequest(int ConfigurationSlot, NetworkConnectionSettings Connection, IReadOnlyList<int>? Priority)
{
    private const StationCommandName Command = StationCommandName.SetNetworkProfile;

    /// <summary>
    /// Reads the body of <c>POST /api/stations/{id}/network-profiles</c>:
    /// <c>{"configurationSlot", "ocppVersion"?, "transport"?, "csmsUrl", "messageTimeout", "securityProfile", "ocppInterface", "apn"?, "vpn"?, "priority"?}</c>.
    /// </summary>
    /// <exception cref="StationCommandArgumentException">The body is not a valid profile.</exception>
    public static NetworkProfileRequest Parse(JsonElement? json)
    {
        var body = CommandBody.Open(Command, json ?? throw new StationCommandArgumentException(null, "The body is required: the connection profile as JSON."),
            "configurationSlot", "ocppVersion", "transport", "csmsUrl", "messageTimeout", "securityProfile", "ocppInterface", "apn", "vpn", "priority");
        var slot = body.RequiredInt("configurationSlot");
        var securityProfile = body.RequiredInt("securityProfile");
        if (securityProfile > 3)
        {
            throw new StationCommandArgumentException("securityProfile", $"securityProfile must be 0, 1, 2 or 3, got {securityProfile}.");
        }

        var url = body.RequiredString("csmsUrl", maxLength: 512);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var csmsUrl) || csmsUrl.Scheme is not ("ws" or "wss"))
        {
            throw new StationCommandArgumentException("csmsUrl", $"csmsUrl must be an absolute ws:// or wss:// URL without the station id (e.g. wss://csms.example.com/ocpp/), got \"{url}\".");
        }

        if (securityProfile >= 2 && csmsUrl.Scheme != "wss")
        {
            throw new StationCommandArgumentException("csmsUrl", $"Security profile {securityProfile} runs over TLS: csmsUrl must start with wss://, got \"{url}\".");
        }

        var connection = new NetworkConnectionSettings(
            body.OptionalChoice("ocppVersion", CommandBody.Choices<ProfileOcppVersion>()) ?? ProfileOcppVersion.OCPP20,
            body.OptionalChoice("transport", CommandBody.Choices<ProfileTransport>()) ?? ProfileTransport.JSON,
            csmsUrl,
            body.RequiredInt("messageTimeout", minimum: 1),
            securityProfile,
            body.RequiredChoice("ocppInterface", CommandBody.Choices<OcppInterface>()),
            body.OptionalValue("apn") is { } apn ? Apn(apn) : null,
            body.OptionalValue("vpn") is { } vpn ? Vpn(vpn) : null);
        return new NetworkProfileRequest(slot, connection, ReadPriority(body, slot));
    }

    private static ApnSettings Apn(JsonElement json)
    {
        var apn = Nested("apn", json, "apn", "apnUserName", "apnPassword", "simPin", "preferredNetwork", "useOnlyPreferredNetwork", "apnAuthentication");
        return Prefixed("apn", () => new ApnSettings(
            apn.RequiredString("apn", maxLength: 512),
            apn.OptionalString("apnUserName", maxLength: 20),
            apn.OptionalString("apnPassword", maxLength: 20),
            apn.OptionalInt("simPin"),
            apn.OptionalString("preferredNetwork", maxLength: 6),
            apn.Has("useOnlyPreferredNetwork") ? apn.RequiredBool("useOnlyPreferredNetwork") : null,
            apn.RequiredChoice("apnAuthentication", CommandBody.Choices<ApnAuthentication>())));
    }

    private static VpnSettings Vpn(JsonElement json)
    {
        var vpn = Nested("vpn", json, "server", "user", "group", "password", "key", "type");
        return Prefixed("vpn", () => new VpnSettings(
            vpn.RequiredString("server", maxLength: 512),
            vpn.RequiredString("user", maxLength: 20),
            vpn.OptionalString("group", maxLength: 20),
            vpn.RequiredString("password", maxLength: 20),
            vpn.RequiredString("key", maxLength: 255),
            vpn.RequiredChoice("type", CommandBody.Choices<VpnType>())));
    }

    private static List<int>? ReadPriority(CommandBody body, int slot)
    {
        if (body.OptionalValue("priority") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw new StationCommandArgumentException("priority", $"priority must be a non-empty array of configuration slots, got {CommandBody.Describe(value)}.");
        }

        var slots = new List<int>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var number) || number < 0 || slots.Contains(number))
            {
                throw new StationCommandArgumentException("priority", $"priority[{slots.Count}] must be a configuration slot (an integer >= 0) listed once, got {CommandBody.Describe(item)}.");
            }

            slots.Add(number);
        }

        // A05: the new profile is the one the station connects with first after its reboot.
        return slots[0] == slot
            ? slots
            : throw new StationCommandArgumentException("priority", $"priority must start with the new profile's configurationSlot {slot} (A05): the station connects with the first entry after its reboot.");
    }

    private static CommandBody Nested(string name, JsonElement json, params string[] allowed) =>
        json.ValueKind == JsonValueKind.Object
            ? Prefixed(name, () => CommandBody.Open(Command, json, allowed))
            : throw new StationCommandArgumentException(name, $"{name} must be a JSON object, got {CommandBody.Describe(json)}.");

    private static T Prefixed<T>(string prefix, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (StationCommandArgumentException ex)
        {
            throw new StationCommandArgumentException($"{prefix}.{ex.Field}", $"{prefix}.{ex.Message}", ex);
        }
    }
}
