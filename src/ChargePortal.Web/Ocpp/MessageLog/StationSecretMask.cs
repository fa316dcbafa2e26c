using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.MessageLog;

/// <summary>
/// Station credentials set over OCPP (1.6 <c>AuthorizationKey</c> by ChangeConfiguration, 2.0.1
/// <c>SecurityCtrlr.BasicAuthPassword</c> by SetVariables, a <c>password</c> field of an API body) are replaced by
/// <c>***(length)</c> before a frame or a command body is stored in the message log or the audit log.
/// </summary>
public static class StationSecretMask
{
    private static readonly SearchValues<string> Markers =
        SearchValues.Create(["AuthorizationKey", "BasicAuthPassword", "password", "simPin"], StringComparison.OrdinalIgnoreCase);

    /// <summary><c>***(16)</c> for a 16-character secret: the length helps tell a truncated key from a full one.</summary>
    public static string Mask(string secret) => $"***({secret.Length})";

    /// <summary>The JSON text with every secret masked; the text itself when it holds none (or is not JSON).</summary>
    public static string? MaskJson(string? json)
    {
        if (string.IsNullOrEmpty(json) || !json.AsSpan().ContainsAny(Markers))
        {
            return json; // the common case, decided without parsing: frames on the stations' hot path stay cheap
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json;
        }

        return root is not null && MaskNode(root) ? root.ToJsonString() : json;
    }

    private static bool MaskNode(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    changed |= item is not null && MaskNode(item);
                }

                break;
            case JsonObject obj:
                changed |= MaskConfigurationKey(obj) | MaskVariable(obj) | MaskPasswordFields(obj);
                foreach (var (_, child) in obj.ToList())
                {
                    changed |= child is not null && MaskNode(child);
                }

                break;
        }

        return changed;
    }

    /// <summary>1.6 ChangeConfiguration and the API's set-configuration: <c>{"key": "AuthorizationKey", "value": "…"}</c>.</summary>
    private static bool MaskConfigurationKey(JsonObject obj) =>
        Text(obj, "key") is { } key && IsSecretKey(key) && MaskString(obj, "value");

    /// <summary>2.0.1 SetVariables: <c>{"component": {"name": "SecurityCtrlr"}, "variable": {"name": "BasicAuthPassword"}, "attributeValue": "…"}</c>.</summary>
    private static bool MaskVariable(JsonObject obj) =>
        obj["variable"] is JsonObject variable && Text(variable, "name") is { } name
        && string.Equals(name, "BasicAuthPassword", StringComparison.OrdinalIgnoreCase) && MaskString(obj, "attributeValue");

    private static bool MaskPasswordFields(JsonObject obj)
    {
        var changed = false;
        // SetNetworkProfile: the APN's password and SIM PIN, the VPN's password and shared key.
        if (obj.ContainsKey("server") && obj.ContainsKey("user"))
        {
            changed |= MaskString(obj, "key");
        }

        if (obj["simPin"] is JsonValue pin && pin.GetValueKind() == JsonValueKind.Number)
        {
            obj["simPin"] = "***";
            changed = true;
        }

        foreach (var name in obj.Select(p => p.Key).Where(k => k.Equals("password", StringComparison.OrdinalIgnoreCase) || k.Equals("apnPassword", StringComparison.OrdinalIgnoreCase)
                     || k.Equals("authorizationKey", StringComparison.OrdinalIgnoreCase) || k.Equals("basicAuthPassword", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            changed |= MaskString(obj, name);
        }

        return changed;
    }

    private static bool IsSecretKey(string key) =>
        key.Equals("AuthorizationKey", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith("BasicAuthPassword", StringComparison.OrdinalIgnoreCase); // "SecurityCtrlr.BasicAuthPassword"

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool MaskString(JsonObject obj, string name)
    {
        if (Text(obj, name) is not { } secret || secret.StartsWith("***(", StringComparison.Ordinal))
        {
            return false;
        }

        obj[name] = Mask(secret);
        return true;
    }
}
