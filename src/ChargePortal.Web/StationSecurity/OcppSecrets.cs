using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChargePortal.Web.StationSecurity;

/// <summary>
/// Keeps station passwords out of the audit log and the OCPP message log (A01.FR.09): the value of a 1.6
/// AuthorizationKey and of a 2.0.1 SecurityCtrlr.BasicAuthPassword is replaced by a mask wherever a call is recorded.
/// </summary>
public static class OcppSecrets
{
    public const string Mask = "********";

    /// <summary>A neutral command's body (<c>{"key": ..., "value": ...}</c>) as JSON text, the value masked when the key is a password.</summary>
    public static string MaskCommandBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String
            || !IsPasswordKey(key.GetString()!) || JsonNode.Parse(body.GetRawText()) is not JsonObject node)
        {
            return body.GetRawText();
        }

        node["value"] = Mask;
        return node.ToJsonString();
    }

    /// <summary>An OCPP request payload as JSON text with any password it carries masked.</summary>
    public static string MaskPayload(string action, JsonElement payload)
    {
        if (StationPasswords.PasswordIn(action, payload) is null || JsonNode.Parse(payload.GetRawText()) is not JsonObject node)
        {
            return payload.GetRawText();
        }

        MaskNode(action, node);
        return node.ToJsonString();
    }

    /// <summary>A whole OCPP-J CALL frame (<c>[2, id, action, payload]</c>) with any password in its payload masked.</summary>
    public static string MaskFrame(string? action, string frame)
    {
        if (action is not ("ChangeConfiguration" or "SetVariables"))
        {
            return frame;
        }

        try
        {
            if (JsonNode.Parse(frame) is JsonArray { Count: 4 } call && call[3] is JsonObject payload
                && StationPasswords.PasswordIn(action, JsonSerializer.SerializeToElement(payload)) is not null)
            {
                MaskNode(action, payload);
                return call.ToJsonString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing the CSMS could have put a password into.
        }

        return frame;
    }

    private static bool IsPasswordKey(string key) =>
        key == StationPasswords.V16Key || key == $"{StationPasswords.V201Component}.{StationPasswords.V201Variable}";

    private static void MaskNode(string action, JsonObject payload)
    {
        if (action == "ChangeConfiguration")
        {
            payload["value"] = Mask;
            return;
        }

        foreach (var item in payload["setVariableData"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if ((string?)item["component"]?["name"] == StationPasswords.V201Component && (string?)item["variable"]?["name"] == StationPasswords.V201Variable)
            {
                item["attributeValue"] = Mask;
            }
        }
    }
}
