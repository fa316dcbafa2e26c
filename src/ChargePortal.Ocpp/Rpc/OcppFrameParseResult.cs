using System.Diagnostics.CodeAnalysis;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>
/// What <see cref="OcppFrameParser"/> made of a text frame: either a frame, or the OCPP error that applies
/// plus whatever could still be read (message type and id) so the receiver can answer with a CALLERROR.
/// </summary>
public sealed record OcppFrameParseResult
{
    public OcppFrame? Frame { get; private init; }

    public OcppErrorCode? ErrorCode { get; private init; }

    public string? ErrorDescription { get; private init; }

    /// <summary>The message type id if the first element was an integer, even an unknown one.</summary>
    public int? MessageTypeId { get; private init; }

    /// <summary>The message id if it could be read, also on failure.</summary>
    public string? MessageId { get; private init; }

    [MemberNotNullWhen(true, nameof(Frame))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(ErrorDescription))]
    public bool IsSuccess => Frame is not null;

    public static OcppFrameParseResult Success(OcppFrame frame)
        => new() { Frame = frame, MessageTypeId = (int)frame.MessageType, MessageId = frame.MessageId };

    public static OcppFrameParseResult Failure(OcppErrorCode code, string description, int? messageTypeId = null, string? messageId = null)
        => new() { ErrorCode = code, ErrorDescription = description, MessageTypeId = messageTypeId, MessageId = messageId };
}
