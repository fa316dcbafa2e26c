using System.Text.Json;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// Bodies of the display-message and customer-information commands. Unlike the other commands, every problem of a
/// body is reported at once (one message naming each field), so a form or script can fix them in one go.
/// </summary>
internal static class StationNoticeParser
{
    public static readonly string[] DisplayMessageFields = ["id", "priority", "state", "startsAt", "endsAt", "transactionId", "format", "language", "content"];
    public static readonly string[] DisplayQueryFields = ["ids", "priority", "state"];
    public static readonly string[] CustomerFields = ["report", "clear", "idToken", "customerIdentifier", "customerCertificate"];

    private static readonly Dictionary<string, DisplayMessagePriority> Priorities = CommandBody.Choices<DisplayMessagePriority>();
    private static readonly Dictionary<string, DisplayMessageState> States = CommandBody.Choices<DisplayMessageState>();
    private static readonly Dictionary<string, DisplayMessageFormat> Formats = CommandBody.Choices<DisplayMessageFormat>();
    private static readonly string[] HashAlgorithmNames = ["SHA256", "SHA384", "SHA512"];
    private static readonly Dictionary<string, int> HashAlgorithms = HashAlgorithmNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    // The wire names, eMAID included (the enum member is EMAID).
    private static readonly Dictionary<string, CustomerTokenType> TokenTypes = Enum.GetValues<CustomerTokenType>()
        .ToDictionary(t => TokenTypeName(t), StringComparer.Ordinal);

    public static StationCommandArguments Parse(StationCommandName command, JsonElement? body) => command switch
    {
        StationCommandName.SetDisplayMessage => new SetDisplayMessageArguments(DisplayMessage(command, body, idRequired: true).WithId(null)),
        StationCommandName.GetDisplayMessages => DisplayQuery(command, body),
        StationCommandName.ClearDisplayMessage => new ClearDisplayMessageArguments(CommandBody.Open(command, body, "id").RequiredInt("id")),
        StationCommandName.CustomerInformation => CustomerInformation(command, body),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };

    /// <summary>The name a token type has on the wire and in the API.</summary>
    public static string TokenTypeName(CustomerTokenType type) => type == CustomerTokenType.EMAID ? "eMAID" : type.ToString();

    /// <summary>A display message body; without <paramref name="idRequired"/> the id may be left to the CSMS.</summary>
    public static DisplayMessageDraft DisplayMessage(StationCommandName command, JsonElement? body, bool idRequired)
    {
        var fields = CommandBody.Open(command, body, DisplayMessageFields);
        var problems = new Problems();
        var id = problems.Read(() => idRequired ? fields.RequiredInt("id") : fields.OptionalInt("id"));
        var priority = problems.Read(() => (DisplayMessagePriority?)fields.RequiredChoice("priority", Priorities));
        var state = problems.Read(() => fields.OptionalChoice("state", States));
        var startsAt = problems.Read(() => fields.OptionalTime("startsAt"));
        var endsAt = problems.Read(() => fields.OptionalTime("endsAt"));
        var transactionId = problems.Read(() => fields.OptionalString("transactionId", Commands.DisplayMessage.MaxTransactionIdLength));
        var format = problems.Read(() => fields.OptionalChoice("format", Formats)) ?? DisplayMessageFormat.UTF8;
        var language = problems.Read(() => fields.OptionalString("language", Commands.DisplayMessage.MaxLanguageLength));
        var content = problems.Read(() => fields.RequiredString("content", Commands.DisplayMessage.MaxContentLength));
        if (startsAt is { } start && endsAt is { } end && end <= start)
        {
            problems.Add($"endsAt ({end:O}) must be after startsAt ({start:O}).");
        }

        if (format == DisplayMessageFormat.ASCII && content is not null && content.Any(c => c > '\u007f'))
        {
            problems.Add("content must be plain ASCII for format ASCII (use UTF8 for other characters).");
        }

        if (format == DisplayMessageFormat.URI && content is not null && !Uri.TryCreate(content, UriKind.Absolute, out _))
        {
            problems.Add($"content must be an absolute URI for format URI, got \"{content}\".");
        }

        problems.ThrowIfAny();
        return new DisplayMessageDraft(id, priority!.Value, state, startsAt, endsAt, transactionId, format, language, content!);
    }

    public static GetDisplayMessagesArguments DisplayQuery(StationCommandName command, JsonElement? body)
    {
        var fields = CommandBody.Open(command, body, DisplayQueryFields);
        var problems = new Problems();
        var ids = problems.Read(() => Ids(fields)) ?? [];
        var priority = problems.Read(() => fields.OptionalChoice("priority", Priorities));
        var state = problems.Read(() => fields.OptionalChoice("state", States));
        problems.ThrowIfAny();
        return new GetDisplayMessagesArguments(ids, priority, state);
    }

    public static CustomerInformationArguments CustomerInformation(StationCommandName command, JsonElement? body)
    {
        var fields = CommandBody.Open(command, body, CustomerFields);
        var problems = new Problems();
        var report = problems.Read(() => (bool?)fields.RequiredBool("report"));
        var clear = problems.Read(() => (bool?)fields.RequiredBool("clear"));
        if (report == false && clear == false)
        {
            // N09.FR.07 / N10.FR.07: a station answers such a request Rejected; it asks for nothing.
            problems.Add("report and clear are both false: ask the station to report, to clear, or both.");
        }

        var references = new List<CustomerReference?>();
        if (fields.Has("idToken"))
        {
            references.Add(problems.Read(() => Token(command, fields.RequiredObject("idToken"))));
        }

        if (fields.Has("customerIdentifier"))
        {
            references.Add(problems.Read(() => new CustomerIdentifierReference(fields.RequiredString("customerIdentifier", CustomerIdentifierReference.MaxLength))));
        }

        if (fields.Has("customerCertificate"))
        {
            references.Add(problems.Read(() => Certificate(command, fields.RequiredObject("customerCertificate"))));
        }

        if (references.Count != 1)
        {
            // N09.FR.04, N10.FR.08; a station answers Invalid otherwise (N09.FR.09).
            problems.Add($"Name exactly one customer: idToken, customerIdentifier or customerCertificate (got {references.Count}).");
        }

        problems.ThrowIfAny();
        return new CustomerInformationArguments(report!.Value, clear!.Value, references[0]!);
    }

    private static List<int> Ids(CommandBody fields)
    {
        if (fields.OptionalValue("ids") is not { } ids)
        {
            return [];
        }

        if (ids.ValueKind != JsonValueKind.Array)
        {
            throw new StationCommandArgumentException("ids", $"ids must be an array of message ids, got {CommandBody.Describe(ids)}.");
        }

        var list = new List<int>();
        foreach (var id in ids.EnumerateArray())
        {
            if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var value) || value < 0)
            {
                throw new StationCommandArgumentException("ids", $"ids[{list.Count}] must be a message id (an integer >= 0), got {CommandBody.Describe(id)}.");
            }

            if (list.Contains(value))
            {
                throw new StationCommandArgumentException("ids", $"ids lists {value} more than once.");
            }

            list.Add(value);
        }

        return list;
    }

    private static CustomerTokenReference Token(StationCommandName command, JsonElement element)
    {
        var token = CommandBody.Open(command, element, "idToken", "type");
        var problems = new Problems("idToken.");
        var value = problems.Read(() => token.RequiredString("idToken", Tokens.IdToken.MaxIdTagLength));
        var type = problems.Read(() => (CustomerTokenType?)token.RequiredChoice("type", TokenTypes));
        problems.ThrowIfAny();
        return new CustomerTokenReference(value!, type!.Value);
    }

    private static CustomerCertificateReference Certificate(StationCommandName command, JsonElement element)
    {
        var hash = CommandBody.Open(command, element, "hashAlgorithm", "issuerNameHash", "issuerKeyHash", "serialNumber");
        var problems = new Problems("customerCertificate.");
        var algorithm = problems.Read(() => HashAlgorithmNames[hash.RequiredChoice("hashAlgorithm", HashAlgorithms)]);
        var issuerName = problems.Read(() => hash.RequiredString("issuerNameHash", 128));
        var issuerKey = problems.Read(() => hash.RequiredString("issuerKeyHash", 128));
        var serial = problems.Read(() => hash.RequiredString("serialNumber", 40));
        problems.ThrowIfAny();
        return new CustomerCertificateReference(new CertificateHash(algorithm!, issuerName!, issuerKey!, serial!));
    }

    /// <summary>Collects the problems of one body; thrown together as one <see cref="StationCommandArgumentException"/>.</summary>
    private sealed class Problems(string prefix = "")
    {
        private readonly List<(string? Field, string Message)> _found = [];

        public T? Read<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (StationCommandArgumentException ex)
            {
                _found.Add((ex.Field is null ? null : prefix + ex.Field, prefix.Length == 0 || ex.Field is null ? ex.Message : prefix + ex.Message));
                return default;
            }
        }

        public void Add(string message) => _found.Add((null, message));

        public void ThrowIfAny()
        {
            if (_found.Count > 0)
            {
                throw new StationCommandArgumentException(_found[0].Field, string.Join(" ", _found.Select(f => f.Message)));
            }
        }
    }
}

/// <summary>A parsed display message whose id may still be the CSMS's to choose.</summary>
public sealed record DisplayMessageDraft(
    int? Id,
    DisplayMessagePriority Priority,
    DisplayMessageState? State,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? TransactionId,
    DisplayMessageFormat Format,
    string? Language,
    string Content)
{
    /// <summary>The message with the draft's id, or <paramref name="allocated"/> when the draft has none.</summary>
    public DisplayMessage WithId(int? allocated) => new(
        Id ?? allocated ?? throw new InvalidOperationException("A display message needs an id."),
        Priority, State, StartsAt, EndsAt, TransactionId, Format, Language, Content);
}
