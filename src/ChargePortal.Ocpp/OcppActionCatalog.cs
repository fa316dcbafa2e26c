using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;
using ChargePortal.Ocpp.V16;
using ChargePortal.Ocpp.V201;

namespace ChargePortal.Ocpp;

/// <summary>Which side of the connection sends an action's CALL.</summary>
[Flags]
public enum OcppInitiator
{
    ChargingStation = 1,
    Csms = 2,

    /// <summary>DataTransfer: either side may call.</summary>
    Both = ChargingStation | Csms,
}

/// <summary>One action of a version: its typed request/response and their source-generated JSON metadata.</summary>
public sealed record OcppActionDescriptor(
    string Action,
    OcppInitiator Initiator,
    Type RequestType,
    Type ResponseType,
    JsonTypeInfo RequestTypeInfo,
    JsonTypeInfo ResponseTypeInfo)
{
    public static OcppActionDescriptor Create<TRequest, TResponse>(
        string action, OcppInitiator initiator, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response)
        => new(action, initiator, typeof(TRequest), typeof(TResponse), request, response);

    /// <summary>The metadata for the request or the response half.</summary>
    public JsonTypeInfo TypeInfo(OcppMessageKind kind) => kind == OcppMessageKind.Request ? RequestTypeInfo : ResponseTypeInfo;
}

/// <summary>
/// The typed actions of one OCPP version. The host uses it to turn a validated payload into its record and
/// to serialize responses; the RPC peer uses it for typed calls.
/// </summary>
public sealed class OcppActionCatalog
{
    private static readonly OcppActionCatalog V16Catalog = new(OcppVersion.V16, V16Actions.All);
    private static readonly OcppActionCatalog V201Catalog = new(OcppVersion.V201, V201Actions.All);

    private readonly FrozenDictionary<string, OcppActionDescriptor> _byAction;
    private readonly FrozenDictionary<Type, OcppActionDescriptor> _byRequestType;

    private OcppActionCatalog(OcppVersion version, IEnumerable<OcppActionDescriptor> actions)
    {
        Version = version;
        _byAction = actions.ToFrozenDictionary(a => a.Action, StringComparer.Ordinal);
        _byRequestType = _byAction.Values.ToFrozenDictionary(a => a.RequestType);
    }

    public OcppVersion Version { get; }

    public IReadOnlyCollection<OcppActionDescriptor> Actions => _byAction.Values;

    public static OcppActionCatalog For(OcppVersion version) => version switch
    {
        OcppVersion.V16 => V16Catalog,
        OcppVersion.V201 => V201Catalog,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    public bool TryGet(string action, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OcppActionDescriptor? descriptor)
        => _byAction.TryGetValue(action, out descriptor);

    /// <summary>The descriptor of <paramref name="action"/>; throws if the version has no typed message for it.</summary>
    public OcppActionDescriptor Get(string action)
        => TryGet(action, out var descriptor)
            ? descriptor
            : throw new KeyNotFoundException($"OCPP {Version.DisplayName()} has no typed action '{action}'.");

    /// <summary>The action whose request record is <paramref name="requestType"/> (e.g. BootNotificationRequest).</summary>
    public bool TryGetByRequestType(Type requestType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OcppActionDescriptor? descriptor)
        => _byRequestType.TryGetValue(requestType, out descriptor);
}
