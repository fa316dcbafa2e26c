using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>Writes one text frame to the connection (e.g. a WebSocket). The peer never calls it concurrently.</summary>
public interface IOcppFrameSender
{
    ValueTask SendAsync(ReadOnlyMemory<byte> utf8Frame, CancellationToken ct);
}

/// <summary>Answers the CALLs the other side sends. Called one CALL at a time, in arrival order.</summary>
public interface IOcppCallHandler
{
    ValueTask<OcppCallOutcome> HandleCallAsync(OcppIncomingCall call, CancellationToken ct);
}

/// <summary>Builds an <see cref="IOcppCallHandler"/> from a delegate (simulators, tests, small hosts).</summary>
public static class OcppCallHandler
{
    public static IOcppCallHandler From(Func<OcppIncomingCall, CancellationToken, ValueTask<OcppCallOutcome>> handle)
        => new DelegateHandler(handle);

    private sealed class DelegateHandler(Func<OcppIncomingCall, CancellationToken, ValueTask<OcppCallOutcome>> handle) : IOcppCallHandler
    {
        public ValueTask<OcppCallOutcome> HandleCallAsync(OcppIncomingCall call, CancellationToken ct) => handle(call, ct);
    }
}

/// <summary>A CALL received from the other side, already schema-validated unless validation is off.</summary>
public sealed record OcppIncomingCall(string Action, string MessageId, JsonElement Payload, OcppVersion Version)
{
    /// <summary>The payload as its typed request record (e.g. V16.BootNotificationRequest), via the action catalog.</summary>
    public object ReadRequest()
    {
        var descriptor = OcppActionCatalog.For(Version).Get(Action);
        return JsonSerializer.Deserialize(Payload, descriptor.RequestTypeInfo)
            ?? throw new JsonException($"{Action} payload deserialized to null.");
    }

    /// <summary>The payload as <typeparamref name="TRequest"/>; throws if that is not the action's request type.</summary>
    public TRequest ReadRequest<TRequest>()
        => OcppActionCatalog.For(Version).Get(Action).RequestTypeInfo is JsonTypeInfo<TRequest> typeInfo
            ? JsonSerializer.Deserialize(Payload, typeInfo) ?? throw new JsonException($"{Action} payload deserialized to null.")
            : throw new InvalidOperationException($"{typeof(TRequest).Name} is not the request type of {Action} in OCPP {Version.DisplayName()}.");

    /// <summary>A successful outcome carrying <paramref name="response"/>, which must be this action's typed response record.</summary>
    public OcppCallOutcome Respond(object response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var descriptor = OcppActionCatalog.For(Version).Get(Action);
        if (response.GetType() != descriptor.ResponseType)
        {
            throw new InvalidOperationException($"{response.GetType().Name} is not the response type of {Action} ({descriptor.ResponseType.Name}).");
        }

        return OcppCallOutcome.Result(JsonSerializer.SerializeToElement(response, descriptor.ResponseTypeInfo));
    }
}

/// <summary>What a handler answers: a CALLRESULT payload or a CALLERROR.</summary>
public sealed record OcppCallOutcome
{
    private OcppCallOutcome()
    {
    }

    /// <summary>The CALLRESULT payload; null for an error outcome.</summary>
    public JsonElement? Payload { get; private init; }

    public OcppErrorCode? ErrorCode { get; private init; }

    public string? ErrorDescription { get; private init; }

    public JsonElement? ErrorDetails { get; private init; }

    public bool IsError => ErrorCode is not null;

    public static OcppCallOutcome Result(JsonElement payload) => new() { Payload = payload };

    public static OcppCallOutcome Result<TResponse>(TResponse payload, JsonTypeInfo<TResponse> typeInfo)
        => new() { Payload = JsonSerializer.SerializeToElement(payload, typeInfo) };

    public static OcppCallOutcome Error(OcppErrorCode code, string description, JsonElement? details = null)
        => new() { ErrorCode = code, ErrorDescription = description, ErrorDetails = details };

    /// <summary>The action exists in the version but this side does not implement it.</summary>
    public static OcppCallOutcome NotSupported(string action)
        => Error(OcppErrorCode.NotSupported, $"{action} is not supported.");
}

/// <summary>Tuning of an <see cref="OcppRpcPeer"/>.</summary>
public sealed record OcppRpcOptions
{
    /// <summary>Validate incoming CALL requests and CALLRESULT responses against the schemas.</summary>
    public bool ValidateIncoming { get; init; } = true;

    /// <summary>Validate outgoing CALL requests and CALLRESULT responses against the schemas.</summary>
    public bool ValidateOutgoing { get; init; } = true;

    /// <summary>How long an outgoing CALL waits for its CALLRESULT/CALLERROR once sent.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Incoming CALLs queued or being answered before <see cref="OcppRpcPeer.ReceiveAsync"/> applies back-pressure.</summary>
    public int IncomingQueueCapacity { get; init; } = 16;
}

public enum OcppFrameDirection
{
    Incoming,
    Outgoing,
}

/// <summary>One frame seen by the peer, for the host's message log; Action is filled in for results and errors too where known.</summary>
public sealed record OcppFrameLogEntry(
    OcppFrameDirection Direction,
    string Frame,
    OcppMessageType? MessageType,
    string? MessageId,
    string? Action,
    DateTimeOffset Timestamp);
