using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChargePortal.Web.Live;

namespace ChargePortal.Web.Cluster;

/// <summary>A station event on the cluster channel; <paramref name="Origin"/> lets the raising node skip its own copy.</summary>
public sealed record ClusterEventEnvelope(string Origin, StationEvent Event);

/// <summary>A CSMS→station call forwarded to the node that holds the station's socket.</summary>
public sealed record RemoteCallRequest(string CorrelationId, string ReplyTo, string StationId, string Action, JsonElement Payload, double BudgetSeconds);

public enum RemoteCallOutcome
{
    Answered,
    Offline,
    Closed,
    Timeout,
    CallError,
    Invalid,
    Failed,
}

/// <summary>
/// The owner node's answer: the station's payload, or enough about the failure to raise the same
/// exception the local call would have raised.
/// </summary>
public sealed record RemoteCallReply(
    string CorrelationId,
    RemoteCallOutcome Outcome,
    JsonElement? Payload = null,
    string? ErrorCode = null,
    string? Description = null,
    JsonElement? Details = null,
    double? TimeoutSeconds = null,
    string? MessageKind = null);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ClusterEventEnvelope))]
[JsonSerializable(typeof(StationConnected))]
[JsonSerializable(typeof(StationDisconnected))]
[JsonSerializable(typeof(StationBooted))]
[JsonSerializable(typeof(ConnectorStatusChanged))]
[JsonSerializable(typeof(StationFaulted))]
[JsonSerializable(typeof(MeterValuesReceived))]
[JsonSerializable(typeof(TransactionStarted))]
[JsonSerializable(typeof(TransactionUpdated))]
[JsonSerializable(typeof(TransactionEnded))]
[JsonSerializable(typeof(StationNotification))]
[JsonSerializable(typeof(CommandCompleted))]
[JsonSerializable(typeof(RemoteCallRequest))]
[JsonSerializable(typeof(RemoteCallReply))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;

/// <summary>
/// Serialisation of cluster messages. StationEvent lives in Live/ without JSON attributes, so its
/// type discriminators are declared here; an event type missing from <see cref="EventTypes"/>
/// cannot cross nodes (a test checks that every StationEvent subtype is listed).
/// </summary>
public static class ClusterJson
{
    internal static readonly IReadOnlyDictionary<Type, string> EventTypes = new Dictionary<Type, string>
    {
        [typeof(StationConnected)] = "connected",
        [typeof(StationDisconnected)] = "disconnected",
        [typeof(StationBooted)] = "booted",
        [typeof(ConnectorStatusChanged)] = "connectorStatus",
        [typeof(StationFaulted)] = "faulted",
        [typeof(MeterValuesReceived)] = "meterValues",
        [typeof(TransactionStarted)] = "transactionStarted",
        [typeof(TransactionUpdated)] = "transactionUpdated",
        [typeof(TransactionEnded)] = "transactionEnded",
        [typeof(StationNotification)] = "notification",
        [typeof(CommandCompleted)] = "commandCompleted",
    };

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static IReadOnlyCollection<Type> KnownEventTypes => [.. EventTypes.Keys];

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    /// <exception cref="JsonException">Not JSON, or not a message this node understands (e.g. a missing or unknown event type).</exception>
    public static T? Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
        }
        catch (NotSupportedException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ClusterJsonContext.Default.Options)
        {
            TypeInfoResolver = ClusterJsonContext.Default.WithAddedModifier(typeInfo =>
            {
                if (typeInfo.Type != typeof(StationEvent))
                {
                    return;
                }

                typeInfo.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
                foreach (var (type, name) in EventTypes)
                {
                    typeInfo.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }
}
