using System.Text.Json;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>The OCPP-J message type id, the first element of every frame.</summary>
public enum OcppMessageType
{
    Call = 2,
    CallResult = 3,
    CallError = 4,
}

/// <summary>One OCPP-J frame. Payloads are detached (cloned) JSON, safe to keep after the input buffer is reused.</summary>
public abstract record OcppFrame(string MessageId)
{
    public abstract OcppMessageType MessageType { get; }
}

/// <summary>[2, "messageId", "Action", {payload}]</summary>
public sealed record OcppCall(string MessageId, string Action, JsonElement Payload) : OcppFrame(MessageId)
{
    public override OcppMessageType MessageType => OcppMessageType.Call;
}

/// <summary>[3, "messageId", {payload}]</summary>
public sealed record OcppCallResult(string MessageId, JsonElement Payload) : OcppFrame(MessageId)
{
    public override OcppMessageType MessageType => OcppMessageType.CallResult;
}

/// <summary>[4, "messageId", "errorCode", "errorDescription", {errorDetails}]; WireErrorCode is the code exactly as on the wire (version spelling).</summary>
public sealed record OcppCallError(string MessageId, string WireErrorCode, string Description, JsonElement Details) : OcppFrame(MessageId)
{
    public override OcppMessageType MessageType => OcppMessageType.CallError;

    /// <summary>The code as an enum; names neither version defines read as GenericError.</summary>
    public OcppErrorCode ErrorCode => OcppErrorCodes.ParseWireName(WireErrorCode);

    public static OcppCallError Create(OcppVersion version, string messageId, OcppErrorCode code, string description, JsonElement? details = null)
        => new(messageId, code.ToWireName(version), description, details ?? OcppJson.EmptyObject);
}
