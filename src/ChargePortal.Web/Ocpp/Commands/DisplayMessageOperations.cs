using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.Commands;

// Display messages (2.0.1 block O: O01–O06). 1.6 has no display messages (its DataTransfer variants are vendor-specific),
// so the 1.6 adapter refuses these.

/// <summary>2.0.1 MessagePriorityEnumType.</summary>
public enum DisplayMessagePriority
{
    /// <summary>Shown regardless of other messages, not cycled; a new AlwaysFront message replaces the old one (O01.FR.15/16).</summary>
    AlwaysFront,

    /// <summary>Shown at its moment, cycled with other InFront messages.</summary>
    InFront,

    /// <summary>Part of the station's normal cycle of messages.</summary>
    NormalCycle,
}

/// <summary>2.0.1 MessageStateEnumType: the station state during which a message is shown (none: any state).</summary>
public enum DisplayMessageState
{
    Charging,
    Faulted,
    Idle,
    Unavailable,
}

/// <summary>2.0.1 MessageFormatEnumType.</summary>
public enum DisplayMessageFormat
{
    ASCII,
    HTML,
    URI,
    UTF8,
}

/// <summary>What a station answered to SetDisplayMessage, GetDisplayMessages or ClearDisplayMessage (their three enums together).</summary>
public enum DisplayMessageStatus
{
    Accepted,
    NotSupportedMessageFormat,
    Rejected,
    NotSupportedPriority,
    NotSupportedState,
    UnknownTransaction,

    /// <summary>Clear: no message with that id; Get: no message matches.</summary>
    Unknown,

    /// <summary>A value no 2.0.1 enum defines (the station's text is in <see cref="StationAnswer.StatusText"/>).</summary>
    Other,
}

/// <summary>
/// One display message as the CSMS sets it (2.0.1 MessageInfoType with its MessageContentType). <see cref="TransactionId"/>
/// makes it a message of that transaction only (O02), removed by the station when the transaction ends; it is omitted
/// otherwise (O01.FR.04).
/// </summary>
public sealed record DisplayMessage(
    int Id,
    DisplayMessagePriority Priority,
    DisplayMessageState? State,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? TransactionId,
    DisplayMessageFormat Format,
    string? Language,
    string Content)
{
    /// <summary>MessageContentType.content's schema limit.</summary>
    public const int MaxContentLength = 512;

    /// <summary>MessageContentType.language's schema limit (an RFC 5646 tag such as "en-US").</summary>
    public const int MaxLanguageLength = 8;

    public const int MaxTransactionIdLength = 36;
}

/// <summary>SetDisplayMessage (O01, O02, O06: the same id replaces the station's message).</summary>
public sealed record SetDisplayMessageArguments(DisplayMessage Message) : StationOperation<DisplayMessageAnswer>
{
    public override StationCommandName Command => StationCommandName.SetDisplayMessage;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context) => DisplayMessageAnswer.Read(details, requestId: null);
}

/// <summary>
/// GetDisplayMessages (O03 all, O04 by ids / priority / state). The messages arrive as NotifyDisplayMessages parts
/// carrying the answer's <see cref="DisplayMessageAnswer.RequestId"/>.
/// </summary>
public sealed record GetDisplayMessagesArguments(IReadOnlyList<int> Ids, DisplayMessagePriority? Priority, DisplayMessageState? State)
    : StationOperation<DisplayMessageAnswer>
{
    public override StationCommandName Command => StationCommandName.GetDisplayMessages;

    /// <summary>No criteria: the station reports every message it has (O03), so the report replaces the stored list.</summary>
    public bool AsksForAll => Ids.Count == 0 && Priority is null && State is null;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context) => DisplayMessageAnswer.Read(details, context.RequestId);
}

/// <summary>ClearDisplayMessage (O05).</summary>
public sealed record ClearDisplayMessageArguments(int Id) : StationOperation<DisplayMessageAnswer>
{
    public override StationCommandName Command => StationCommandName.ClearDisplayMessage;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context) => DisplayMessageAnswer.Read(details, requestId: null);
}

/// <summary>A display-message answer typed with its block-O status; <see cref="RequestId"/> for GetDisplayMessages.</summary>
public sealed record DisplayMessageAnswer(CommandStatus Status, string StatusText, JsonObject Details, DisplayMessageStatus Outcome, int? RequestId)
    : StationAnswer(Status, StatusText, Details)
{
    /// <summary>What the outcome means, for people: the pages and the API's <c>detail</c>.</summary>
    public string Explanation => Outcome switch
    {
        DisplayMessageStatus.Accepted => "The station accepted it.",
        DisplayMessageStatus.NotSupportedMessageFormat => "The station does not support this message format (see its DisplayMessageCtrlr.SupportedFormats).",
        DisplayMessageStatus.Rejected => "The station rejected it (for instance, it holds no more messages: DisplayMessageCtrlr.DisplayMessages maxLimit).",
        DisplayMessageStatus.NotSupportedPriority => "The station does not support this priority (see its DisplayMessageCtrlr.SupportedPriorities).",
        DisplayMessageStatus.NotSupportedState => "The station does not support showing messages in this state.",
        DisplayMessageStatus.UnknownTransaction => "The station does not know this transaction (it may have ended).",
        DisplayMessageStatus.Unknown => "The station has no such message.",
        _ => $"The station answered {StatusText}.",
    };

    internal static DisplayMessageAnswer Read(JsonObject details, int? requestId)
    {
        var answer = From(details);
        var outcome = Enum.TryParse<DisplayMessageStatus>(answer.StatusText, ignoreCase: false, out var parsed) && parsed != DisplayMessageStatus.Other
            ? parsed
            : DisplayMessageStatus.Other;
        if (requestId is { } id)
        {
            details["requestId"] = id;
        }

        return new DisplayMessageAnswer(answer.Status, answer.StatusText, details, outcome, requestId);
    }
}
