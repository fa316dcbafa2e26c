using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// Strict reader of one command's HTTP body: a JSON object (or nothing) whose properties must all be known to the
/// command. Every failure is a <see cref="StationCommandArgumentException"/> naming the property.
/// JSON <c>null</c> counts as "not given", so clients that serialize empty optionals still work.
/// </summary>
internal sealed partial class CommandBody
{
    private readonly JsonElement _body;

    private CommandBody(JsonElement body) => _body = body;

    /// <summary>Checks the body's shape and rejects properties outside <paramref name="allowed"/> (typos must not pass silently).</summary>
    public static CommandBody Open(StationCommandName command, JsonElement? body, params string[] allowed)
    {
        if (body is not { } element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new CommandBody(default);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StationCommandArgumentException(null, $"The body of {command.RouteName()} must be a JSON object, got {Describe(element)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new StationCommandArgumentException(property.Name, $"Property '{property.Name}' appears more than once.");
            }

            if (Array.IndexOf(allowed, property.Name) >= 0)
            {
                continue;
            }

            var hint = allowed.FirstOrDefault(a => string.Equals(a, property.Name, StringComparison.OrdinalIgnoreCase));
            var message = allowed.Length == 0
                ? $"{command.RouteName()} takes no arguments, got property '{property.Name}'."
                : $"Unknown property '{property.Name}' for {command.RouteName()}{(hint is null ? "" : $" (did you mean '{hint}'?)")}; allowed: {string.Join(", ", allowed)}.";
            throw new StationCommandArgumentException(property.Name, message);
        }

        return new CommandBody(element);
    }

    public bool Has(string name) => TryGet(name, out _);

    public string RequiredString(string name, int maxLength = int.MaxValue)
        => OptionalString(name, maxLength) ?? throw Missing(name);

    public string? OptionalString(string name, int maxLength = int.MaxValue)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(name, "a string", value);
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StationCommandArgumentException(name, $"{name} must not be empty.");
        }

        return text.Length <= maxLength
            ? text
            : throw new StationCommandArgumentException(name, $"{name} must be at most {maxLength} characters, got {text.Length}.");
    }

    public int RequiredInt(string name, int minimum = 0) => OptionalInt(name, minimum) ?? throw Missing(name);

    public decimal RequiredDecimal(string name)
    {
        if (!TryGet(name, out var value))
        {
            throw Missing(name);
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw WrongType(name, "a number", value);
    }

    public int? OptionalInt(string name, int minimum = 0)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw WrongType(name, "an integer", value);
        }

        return number >= minimum
            ? number
            : throw new StationCommandArgumentException(name, $"{name} must be >= {minimum}, got {number}.");
    }

    public bool RequiredBool(string name)
    {
        if (!TryGet(name, out var value))
        {
            throw Missing(name);
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, "true or false", value),
        };
    }

    public DateTimeOffset RequiredTime(string name) => OptionalTime(name) ?? throw Missing(name);

    /// <summary>
    /// An ISO-8601 date-time with an explicit offset ("Z" or ±hh:mm), returned in UTC. A time without offset is
    /// rejected rather than read in the server's time zone.
    /// </summary>
    public DateTimeOffset? OptionalTime(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && ExplicitOffset().IsMatch(value.GetString()!)
            && value.TryGetDateTimeOffset(out var time))
        {
            return time.ToUniversalTime();
        }

        throw new StationCommandArgumentException(
            name, $"{name} must be an ISO-8601 date-time with a UTC offset, e.g. \"2025-01-31T18:00:00Z\"; got {Describe(value)}.");
    }

    /// <summary>
    /// An enum's members by their exact (ordinal) names: the choices a body field may take. A plain Dictionary keeps
    /// declaration order, which is the order error messages list the choices in.
    /// </summary>
    public static Dictionary<string, T> Choices<T>()
        where T : struct, Enum
        => Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

    /// <summary>One of the exact (case-sensitive) names in <paramref name="choices"/>.</summary>
    public T RequiredChoice<T>(string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
        => OptionalChoice(name, choices) ?? throw Missing(name, $" (one of {string.Join(", ", choices.Keys)})");

    public T? OptionalChoice<T>(string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && choices.TryGetValue(value.GetString()!, out var choice))
        {
            return choice;
        }

        throw new StationCommandArgumentException(name, $"{name} must be one of {string.Join(", ", choices.Keys)}; got {Describe(value)}.");
    }

    /// <summary>An array of distinct non-empty strings; absent means empty.</summary>
    public IReadOnlyList<string> OptionalStringList(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name, "an array of strings", value);
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new StationCommandArgumentException(name, $"{name}[{index}] must be a non-empty string, got {Describe(item)}.");
            }

            var text = item.GetString()!;
            if (items.Contains(text, StringComparer.Ordinal))
            {
                throw new StationCommandArgumentException(name, $"{name} lists \"{text}\" more than once.");
            }

            items.Add(text);
            index++;
        }

        return items;
    }

    public JsonElement RequiredObject(string name)
    {
        if (!TryGet(name, out var value))
        {
            throw Missing(name);
        }

        return value.ValueKind == JsonValueKind.Object ? value.Clone() : throw WrongType(name, "a JSON object", value);
    }

    public JsonElement? OptionalValue(string name) => TryGet(name, out var value) ? value.Clone() : null;

    /// <summary>A short description of a JSON value for error messages, e.g. <c>"Medium"</c> or <c>a number</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => JsonSerializer.Serialize(Truncate(value.GetString()!)),
        JsonValueKind.Number => string.Create(CultureInfo.InvariantCulture, $"the number {Truncate(value.GetRawText())}"),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private bool TryGet(string name, out JsonElement value)
    {
        if (_body.ValueKind == JsonValueKind.Object && _body.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    private static StationCommandArgumentException Missing(string name, string detail = "")
        => new(name, $"{name} is required{detail}.");

    private static StationCommandArgumentException WrongType(string name, string expected, JsonElement value)
        => new(name, $"{name} must be {expected}, got {Describe(value)}.");

    [GeneratedRegex(@"T.*(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitOffset();
}
