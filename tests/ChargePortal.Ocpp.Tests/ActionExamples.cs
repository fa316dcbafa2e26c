using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChargePortal.Ocpp.Tests;

/// <summary>
/// Example payloads per action (Examples/v16.json, v201.json), derived from the OCA schemas: a "full" payload
/// with every property, a "minimal" one with only the required ones, and known-invalid variants.
/// </summary>
public static class ActionExamples
{
    private static readonly Lazy<JsonObject> V16 = new(() => Load("v16.json"));
    private static readonly Lazy<JsonObject> V201 = new(() => Load("v201.json"));

    public static JsonObject For(OcppVersion version) => version == OcppVersion.V16 ? V16.Value : V201.Value;

    public static JsonElement Payload(OcppVersion version, string action, OcppMessageKind kind, string variant)
        => JsonSerializer.SerializeToElement(For(version)[action]![kind == OcppMessageKind.Request ? "request" : "response"]![variant]);

    public static TheoryData<OcppVersion, string, OcppMessageKind, string> AllPayloads()
    {
        var data = new TheoryData<OcppVersion, string, OcppMessageKind, string>();
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            foreach (var (action, _) in For(version))
            {
                foreach (var kind in new[] { OcppMessageKind.Request, OcppMessageKind.Response })
                {
                    data.Add(version, action, kind, "full");
                    data.Add(version, action, kind, "minimal");
                }
            }
        }

        return data;
    }

    public static TheoryData<OcppVersion, string, OcppMessageKind> AllActions()
    {
        var data = new TheoryData<OcppVersion, string, OcppMessageKind>();
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            foreach (var (action, _) in For(version))
            {
                data.Add(version, action, OcppMessageKind.Request);
                data.Add(version, action, OcppMessageKind.Response);
            }
        }

        return data;
    }

    /// <summary>Invalid variants: (version, action, kind, case name, payload json, expected code, expected path).</summary>
    public static TheoryData<OcppVersion, string, OcppMessageKind, string, string, OcppErrorCode, string> InvalidPayloads()
    {
        var data = new TheoryData<OcppVersion, string, OcppMessageKind, string, string, OcppErrorCode, string>();
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            foreach (var (action, node) in For(version))
            {
                foreach (var kind in new[] { OcppMessageKind.Request, OcppMessageKind.Response })
                {
                    var cases = node![kind == OcppMessageKind.Request ? "request" : "response"]!["invalid"]!.AsArray();
                    foreach (var c in cases)
                    {
                        data.Add(
                            version,
                            action,
                            kind,
                            c!["name"]!.GetValue<string>(),
                            c["payload"]!.ToJsonString(),
                            Enum.Parse<OcppErrorCode>(c["code"]!.GetValue<string>()),
                            c["path"]!.GetValue<string>());
                    }
                }
            }
        }

        return data;
    }

    private static JsonObject Load(string file)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)))!.AsObject();
}
