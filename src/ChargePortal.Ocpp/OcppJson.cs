using System.Text.Json;

namespace ChargePortal.Ocpp;

/// <summary>Small JSON helpers shared by framing, validation and the RPC peer.</summary>
internal static class OcppJson
{
    /// <summary>An empty object, the default errorDetails of a CALLERROR.</summary>
    public static JsonElement EmptyObject { get; } = Parse("{}");

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
