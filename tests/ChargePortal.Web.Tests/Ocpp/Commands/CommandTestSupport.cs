using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Tests.Ocpp.Commands;

/// <summary>Shared fixtures: a filled-in host context, body parsing, and JSON path lookup for assertions.</summary>
internal static class CommandTestSupport
{
    public const string UploadUrl = "https://csms.example/uploads/CP-1";

    public static StationCommandContext Context { get; } = new()
    {
        RemoteStartId = 41,
        RequestId = 42,
        NextLocalListVersion = 7,
        UploadUrl = UploadUrl,
        IdTagIsRfid = true,
        Tokens = new Dictionary<string, TokenInfo>(StringComparer.Ordinal)
        {
            ["RFID1"] = new(TokenStanding.Accepted, IsRfid: true),
            ["APP1"] = new(TokenStanding.Blocked, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), ParentIdTag: "RFID1", IsRfid: false),
        },
    };

    public static OcppVersion Version(string name) => name switch
    {
        "1.6" => OcppVersion.V16,
        "2.0.1" => OcppVersion.V201,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static StationCommandArguments Parse(string command, string body)
    {
        StationCommandNames.TryParse(command, out var name).ShouldBeTrue(command);
        return StationCommandParser.Parse(name, Json(body));
    }

    public static OcppOutgoingCall Build(string version, string command, string body)
        => StationCommandAdapters.For(Version(version)).Build(Parse(command, body), Context);

    /// <summary>The element at a dotted path with [n] indexes (e.g. <c>evse.id</c>, <c>list[1].idToken</c>), or null if absent.</summary>
    public static JsonElement? At(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            int? index = null;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = segment[..bracket];
                index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }

            if (index is { } i)
            {
                if (current.ValueKind != JsonValueKind.Array || current.GetArrayLength() <= i)
                {
                    return null;
                }

                current = current[i];
            }
        }

        return current;
    }
}
