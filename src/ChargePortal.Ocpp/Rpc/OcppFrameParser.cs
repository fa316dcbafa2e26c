using System.Text.Json;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>
/// Reads OCPP-J text frames. Never throws on bad input: a malformed frame yields a failure result naming the
/// CALLERROR code the version's spec prescribes (1.6: FormationViolation / ProtocolError for an unknown type;
/// 2.0.1: RpcFrameworkError / MessageTypeNotSupported / FormatViolation for a non-object payload).
/// </summary>
public static class OcppFrameParser
{
    /// <summary>OCPP-J limits message ids to 36 characters (a UUID).</summary>
    public const int MaxMessageIdLength = 36;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static OcppFrameParseResult Parse(ReadOnlySpan<byte> utf8Frame, OcppVersion version)
        => Parse(new ReadOnlyMemory<byte>(utf8Frame.ToArray()), version);

    /// <summary>
    /// Parses without copying the frame: the document reads <paramref name="utf8Frame"/> in place and is gone when this
    /// returns (payloads are cloned out of it), so the caller may reuse the buffer afterwards.
    /// </summary>
    public static OcppFrameParseResult Parse(ReadOnlyMemory<byte> utf8Frame, OcppVersion version)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Frame, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Failure(version, $"Frame is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return Parse(document.RootElement, version);
        }
    }

    public static OcppFrameParseResult Parse(string text, OcppVersion version)
        => Parse(new ReadOnlyMemory<byte>(System.Text.Encoding.UTF8.GetBytes(text)), version);

    private static OcppFrameParseResult Parse(JsonElement root, OcppVersion version)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return Failure(version, "Frame is not a JSON array.");
        }

        var length = root.GetArrayLength();
        if (length == 0 || root[0].ValueKind != JsonValueKind.Number || !root[0].TryGetInt32(out var typeId))
        {
            return Failure(version, "First element must be the integer message type id.");
        }

        string? messageId = length > 1 && root[1].ValueKind == JsonValueKind.String ? root[1].GetString() : null;
        if (messageId is null)
        {
            return Failure(version, "Second element must be the message id string.", typeId);
        }

        if (messageId.Length is 0 or > MaxMessageIdLength)
        {
            return Failure(version, $"Message id must be 1 to {MaxMessageIdLength} characters long.", typeId, messageId);
        }

        return typeId switch
        {
            (int)OcppMessageType.Call => ParseCall(root, length, messageId, version),
            (int)OcppMessageType.CallResult => ParseCallResult(root, length, messageId, version),
            (int)OcppMessageType.CallError => ParseCallError(root, length, messageId, version),
            _ => OcppFrameParseResult.Failure(
                version == OcppVersion.V16 ? OcppErrorCode.ProtocolError : OcppErrorCode.MessageTypeNotSupported,
                $"Message type id {typeId} is not supported.",
                typeId,
                messageId),
        };
    }

    private static OcppFrameParseResult ParseCall(JsonElement root, int length, string messageId, OcppVersion version)
    {
        const int typeId = (int)OcppMessageType.Call;
        if (length != 4)
        {
            return Failure(version, $"CALL must have 4 elements, got {length}.", typeId, messageId);
        }

        if (root[2].ValueKind != JsonValueKind.String || root[2].GetString() is not { Length: > 0 } action)
        {
            return Failure(version, "CALL action must be a non-empty string.", typeId, messageId);
        }

        if (root[3].ValueKind != JsonValueKind.Object)
        {
            return PayloadFailure(version, "CALL payload must be a JSON object.", typeId, messageId);
        }

        return OcppFrameParseResult.Success(new OcppCall(messageId, action, root[3].Clone()));
    }

    private static OcppFrameParseResult ParseCallResult(JsonElement root, int length, string messageId, OcppVersion version)
    {
        const int typeId = (int)OcppMessageType.CallResult;
        if (length != 3)
        {
            return Failure(version, $"CALLRESULT must have 3 elements, got {length}.", typeId, messageId);
        }

        if (root[2].ValueKind != JsonValueKind.Object)
        {
            return PayloadFailure(version, "CALLRESULT payload must be a JSON object.", typeId, messageId);
        }

        return OcppFrameParseResult.Success(new OcppCallResult(messageId, root[2].Clone()));
    }

    private static OcppFrameParseResult ParseCallError(JsonElement root, int length, string messageId, OcppVersion version)
    {
        const int typeId = (int)OcppMessageType.CallError;
        if (length != 5)
        {
            return Failure(version, $"CALLERROR must have 5 elements, got {length}.", typeId, messageId);
        }

        if (root[2].ValueKind != JsonValueKind.String || root[3].ValueKind != JsonValueKind.String)
        {
            return Failure(version, "CALLERROR errorCode and errorDescription must be strings.", typeId, messageId);
        }

        if (root[4].ValueKind != JsonValueKind.Object)
        {
            return PayloadFailure(version, "CALLERROR errorDetails must be a JSON object.", typeId, messageId);
        }

        return OcppFrameParseResult.Success(
            new OcppCallError(messageId, root[2].GetString()!, root[3].GetString()!, root[4].Clone()));
    }

    /// <summary>The RPC envelope itself is broken.</summary>
    private static OcppFrameParseResult Failure(OcppVersion version, string description, int? typeId = null, string? messageId = null)
        => OcppFrameParseResult.Failure(
            version == OcppVersion.V16 ? OcppErrorCode.FormationViolation : OcppErrorCode.RpcFrameworkError,
            description,
            typeId,
            messageId);

    /// <summary>The envelope is fine but the payload is not an object: both versions call that a formation/format violation.</summary>
    private static OcppFrameParseResult PayloadFailure(OcppVersion version, string description, int typeId, string messageId)
    {
        _ = version;
        return OcppFrameParseResult.Failure(OcppErrorCode.FormationViolation, description, typeId, messageId);
    }
}
