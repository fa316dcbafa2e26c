using System.Runtime.InteropServices;
using System.Text.Json;

namespace ChargePortal.Ocpp.Validation;

/// <summary>JSON types a schema node accepts. Integer is separate from Number because the OCPP schemas rely on it.</summary>
[Flags]
internal enum SchemaTypes
{
    Any = 0,
    String = 1,
    Integer = 2,
    Number = 4,
    Boolean = 8,
    Object = 16,
    Array = 32,
    Null = 64,
}

internal enum SchemaFormat
{
    None,
    DateTime,
    Uri,
}

/// <summary>A property of an object node, with its name pre-encoded so matching needs no string allocation.</summary>
internal sealed record SchemaProperty(string Name, byte[] Utf8Name, SchemaNode Node);

/// <summary>
/// One compiled schema (sub)tree. Only the keywords the OCA OCPP 1.6 / 2.0.1 schemas use are supported;
/// <see cref="SchemaCompiler"/> fails loudly on any other validation keyword so nothing is silently skipped.
/// Mutable only while compiling ($ref targets are created before they are filled, to allow cycles).
/// </summary>
internal sealed partial class SchemaNode
{
    public SchemaTypes Types { get; set; }

    public SchemaProperty[] Properties { get; set; } = [];

    public SchemaProperty[] Required { get; set; } = [];

    public bool AdditionalPropertiesAllowed { get; set; } = true;

    public byte[][]? Enum { get; set; }

    public string[]? EnumNames { get; set; }

    public int? MaxLength { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public decimal? MultipleOf { get; set; }

    public SchemaNode? Items { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public SchemaFormat Format { get; set; }

    /// <summary>Validates <paramref name="value"/>; null when valid, else the first failure (path built on the way out).</summary>
    public SchemaFailure? Validate(JsonElement value) => Check(value, null);

    /// <summary>Adds every failure of <paramref name="value"/> to <paramref name="failures"/> (for people, not the hot path).</summary>
    public void CollectFailures(JsonElement value, List<SchemaFailure> failures) => Check(value, failures);

    // With all == null the first failure is returned and the walk stops; otherwise every failure is added to all
    // and the walk goes on (the return value is then only a "found something" signal).
    private SchemaFailure? Check(JsonElement value, List<SchemaFailure>? all)
    {
        if (!MatchesType(value))
        {
            return Report(new SchemaFailure(OcppErrorCode.TypeConstraintViolation, $"expected {DescribeTypes()}, got {Describe(value.ValueKind)}"), all);
        }

        return value.ValueKind switch
        {
            JsonValueKind.Object => ValidateObject(value, all),
            JsonValueKind.Array => ValidateArray(value, all),
            JsonValueKind.String => Report(ValidateString(value), all),
            JsonValueKind.Number => Report(ValidateNumber(value), all),
            _ => null,
        };
    }

    private static SchemaFailure? Report(SchemaFailure? failure, List<SchemaFailure>? all)
    {
        if (failure is not null)
        {
            all?.Add(failure);
        }

        return failure;
    }

    /// <summary>Validates a child; in collecting mode, prefixes every failure the child added with <paramref name="segment"/>.</summary>
    private static SchemaFailure? CheckChild(SchemaNode node, JsonElement value, string segment, List<SchemaFailure>? all)
    {
        if (all is null)
        {
            return node.Check(value, null)?.Within(segment);
        }

        var before = all.Count;
        var failure = node.Check(value, all);
        for (var i = before; i < all.Count; i++)
        {
            all[i].Within(segment);
        }

        return failure;
    }

    private SchemaFailure? ValidateObject(JsonElement value, List<SchemaFailure>? all)
    {
        SchemaFailure? first = null;
        foreach (var required in Required)
        {
            if (!value.TryGetProperty(required.Utf8Name, out _))
            {
                var missing = Report(new SchemaFailure(OcppErrorCode.OccurrenceConstraintViolation, "required property missing")
                    .Within("." + required.Name), all);
                first ??= missing;
                if (all is null)
                {
                    return first;
                }
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            var schema = FindProperty(property);
            if (schema is null)
            {
                if (AdditionalPropertiesAllowed)
                {
                    continue;
                }

                var extra = Report(new SchemaFailure(OcppErrorCode.FormationViolation, "property not allowed by the schema")
                    .Within("." + property.Name), all);
                first ??= extra;
            }
            else if (CheckChild(schema.Node, property.Value, "." + schema.Name, all) is { } failure)
            {
                first ??= failure;
            }

            if (first is not null && all is null)
            {
                return first;
            }
        }

        return first;
    }

    private SchemaProperty? FindProperty(JsonProperty property)
    {
        foreach (var candidate in Properties)
        {
            if (property.NameEquals(candidate.Utf8Name))
            {
                return candidate;
            }
        }

        return null;
    }

    private SchemaFailure? ValidateArray(JsonElement value, List<SchemaFailure>? all)
    {
        var count = value.GetArrayLength();
        if (count < MinItems)
        {
            return Report(new SchemaFailure(OcppErrorCode.OccurrenceConstraintViolation, $"at least {MinItems} item(s) required, got {count}"), all);
        }

        if (count > MaxItems)
        {
            return Report(new SchemaFailure(OcppErrorCode.OccurrenceConstraintViolation, $"at most {MaxItems} item(s) allowed, got {count}"), all);
        }

        if (Items is null)
        {
            return null;
        }

        SchemaFailure? first = null;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var failure = CheckChild(Items, item, $"[{index}]", all);
            first ??= failure;
            if (first is not null && all is null)
            {
                return first;
            }

            index++;
        }

        return first;
    }

    private SchemaFailure? ValidateString(JsonElement value)
    {
        if (Enum is not null && !MatchesEnum(value))
        {
            return new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, $"value is not one of {string.Join(", ", EnumNames!)}");
        }

        if (MaxLength is { } maxLength)
        {
            var length = CountCodePoints(value);
            if (length > maxLength)
            {
                return new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, $"string longer than {maxLength} characters ({length})");
            }
        }

        return Format switch
        {
            SchemaFormat.DateTime when !IsRfc3339DateTime(value)
                => new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, "not an RFC 3339 date-time"),
            SchemaFormat.Uri when !Uri.TryCreate(value.GetString(), UriKind.Absolute, out _)
                => new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, "not an absolute URI"),
            _ => null,
        };
    }

    private SchemaFailure? ValidateNumber(JsonElement value)
    {
        if (Minimum is null && Maximum is null && MultipleOf is null)
        {
            return null;
        }

        if (!value.TryGetDecimal(out var number))
        {
            // Beyond decimal's range: certainly outside any bound the OCPP schemas set.
            return new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, "number out of range");
        }

        if (number < Minimum)
        {
            return new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, $"must be >= {Minimum}");
        }

        if (number > Maximum)
        {
            return new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, $"must be <= {Maximum}");
        }

        if (MultipleOf is { } step && number % step != 0)
        {
            return new SchemaFailure(OcppErrorCode.PropertyConstraintViolation, $"must be a multiple of {step}");
        }

        return null;
    }

    private bool MatchesType(JsonElement value)
    {
        if (Types == SchemaTypes.Any)
        {
            return true;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => (Types & SchemaTypes.String) != 0,
            JsonValueKind.Number => (Types & SchemaTypes.Number) != 0 || ((Types & SchemaTypes.Integer) != 0 && IsInteger(value)),
            JsonValueKind.True or JsonValueKind.False => (Types & SchemaTypes.Boolean) != 0,
            JsonValueKind.Object => (Types & SchemaTypes.Object) != 0,
            JsonValueKind.Array => (Types & SchemaTypes.Array) != 0,
            JsonValueKind.Null => (Types & SchemaTypes.Null) != 0,
            _ => false,
        };
    }

    // JSON Schema counts 5 and 5.0 as integers (the value matters, not the spelling).
    private static bool IsInteger(JsonElement value)
        => value.TryGetInt64(out _) || (value.TryGetDecimal(out var d) && d == decimal.Truncate(d));

    private bool MatchesEnum(JsonElement value)
    {
        foreach (var allowed in Enum!)
        {
            if (value.ValueEquals(allowed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>maxLength counts Unicode code points; counted straight off the UTF-8 bytes unless escapes force decoding.</summary>
    private static int CountCodePoints(JsonElement value)
    {
        var raw = RawString(value);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            foreach (var b in raw)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        var text = value.GetString()!;
        var codePoints = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            codePoints++;
        }

        return codePoints;
    }

    private static ReadOnlySpan<byte> RawString(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length >= 2 && raw[0] == (byte)'"' ? raw[1..^1] : raw;
    }

    /// <summary>RFC 3339 date-time: full date, 'T', time, and a mandatory zone (Z or ±hh:mm).</summary>
    private static bool IsRfc3339DateTime(JsonElement value)
    {
        var raw = RawString(value);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return HasRfc3339Shape(raw) && value.TryGetDateTimeOffset(out _);
        }

        // Escaped text (e.g. "\u002B01:00" for "+01:00") is legal JSON: check the decoded string instead.
        var text = value.GetString()!;
        Span<byte> decoded = stackalloc byte[64];
        return text.Length <= decoded.Length
            && System.Text.Encoding.UTF8.TryGetBytes(text, decoded, out var written)
            && HasRfc3339Shape(decoded[..written])
            && value.TryGetDateTimeOffset(out _);
    }

    private static bool HasRfc3339Shape(ReadOnlySpan<byte> text)
    {
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || (text[10] | 0x20) != 't' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        return (text[^1] | 0x20) == 'z' || (text.Length >= 25 && text[^3] == ':' && (text[^6] == '+' || text[^6] == '-'));
    }

    private string DescribeTypes()
    {
        var names = new List<string>(2);
        foreach (var type in System.Enum.GetValues<SchemaTypes>())
        {
            if (type != SchemaTypes.Any && (Types & type) != 0 && !(type == SchemaTypes.Integer && (Types & SchemaTypes.Number) != 0))
            {
                names.Add(type.ToString().ToLowerInvariant());
            }
        }

        return string.Join(" or ", names);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
