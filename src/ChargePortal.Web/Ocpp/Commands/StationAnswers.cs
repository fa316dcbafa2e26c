using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>The version-independent part of turning a CALLRESULT into the HTTP API's answer.</summary>
internal static class StationAnswers
{
    /// <summary>Used when a response carries no status of its own: the station answered the CALL, so it took it.</summary>
    public const string Accepted = "Accepted";

    /// <summary>
    /// <c>{"action", "status", …every response field as sent}</c>. The response's own <c>status</c> wins over
    /// <paramref name="derivedStatus"/>.
    /// </summary>
    public static JsonObject Create(OcppOutgoingCall call, JsonElement response, string derivedStatus = Accepted)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A {call.Action} CALLRESULT payload must be a JSON object, got {response.ValueKind}.", nameof(response));
        }

        var status = response.TryGetProperty("status", out var own) && own.ValueKind == JsonValueKind.String ? own.GetString()! : derivedStatus;
        var answer = new JsonObject { ["action"] = call.Action, ["status"] = status };
        foreach (var property in response.EnumerateObject())
        {
            if (property.Name is not ("status" or "action"))
            {
                answer[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return answer;
    }

    /// <summary>One entry of the neutral <c>configuration</c> list; <paramref name="isReadonly"/> is null where the version does not say.</summary>
    public static JsonObject ConfigurationEntry(string key, string? value, bool? isReadonly)
        => new() { ["key"] = key, ["value"] = value, ["readonly"] = isReadonly };

    /// <summary>Accepted when every item's status is Accepted, else the first other status (the one to look at).</summary>
    public static string Aggregate(JsonElement response, string listProperty, string statusProperty)
    {
        if (response.TryGetProperty(listProperty, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty(statusProperty, out var status)
                    && status.ValueKind == JsonValueKind.String
                    && status.GetString() is { } text
                    && text != Accepted)
                {
                    return text;
                }
            }
        }

        return Accepted;
    }
}
