using System.Globalization;

namespace ChargePortal.Web.DeviceModel;

/// <summary>
/// What an operator may write into a variable's attribute, from the attribute's mutability and the variable's
/// characteristics as the station reported them (OCPP 2.0.1 part 2: MutabilityEnumType, DataEnumType,
/// VariableCharacteristicsType). The station has the last word (B05.FR.07/08); these rules only keep obviously
/// wrong values from being sent.
/// </summary>
public static class VariableEditRules
{
    public const string ReadOnly = "ReadOnly";
    public const string WriteOnly = "WriteOnly";

    /// <summary>SetVariableData.attributeValue is at most 1000 characters.</summary>
    public const int MaxValueLength = 1000;

    /// <summary>
    /// ReadWrite and WriteOnly attributes can be set; ReadOnly and constant ones cannot. An attribute reported without a
    /// mutability is ReadWrite (the spec's default).
    /// </summary>
    public static bool IsWritable(DeviceModelAttributeDto attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return attribute.Constant != true && attribute.Mutability != ReadOnly;
    }

    /// <summary>A WriteOnly attribute's value is never shown (a station does not report it, B06.FR.09).</summary>
    public static bool IsReadable(DeviceModelAttributeDto attribute) => attribute?.Mutability != WriteOnly;

    /// <summary>The choices for a value that is one of a fixed set (boolean, OptionList); null for free input.</summary>
    public static IReadOnlyList<string>? Choices(DeviceModelCharacteristicsDto? characteristics) => characteristics?.DataType switch
    {
        "boolean" => ["true", "false"],
        "OptionList" => ValuesList(characteristics),
        _ => null,
    };

    /// <summary>A short description of what may be entered, e.g. "integer, 10–86400 s".</summary>
    public static string? Hint(DeviceModelCharacteristicsDto? c)
    {
        if (c is null)
        {
            return null;
        }

        var parts = new List<string> { c.DataType };
        var numeric = c.DataType is "integer" or "decimal";
        if (numeric && (c.MinLimit is not null || c.MaxLimit is not null))
        {
            parts.Add($"{Number(c.MinLimit) ?? "…"}–{Number(c.MaxLimit) ?? "…"}");
        }
        else if (!numeric && c.MaxLimit is { } max && c.DataType is not ("boolean" or "dateTime"))
        {
            parts.Add($"at most {Number(max)} characters");
        }

        if (c.DataType is "MemberList" or "SequenceList" && ValuesList(c) is { Count: > 0 } values)
        {
            parts.Add($"comma-separated from {string.Join(", ", values)}");
        }

        return string.Join(", ", parts) + (c.Unit is { Length: > 0 } unit ? $" {unit}" : "");
    }

    /// <summary>Why <paramref name="value"/> cannot be written, or null when it may be sent.</summary>
    public static string? Validate(string value, DeviceModelCharacteristicsDto? c)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength)
        {
            return $"At most {MaxValueLength} characters can be sent, this is {value.Length}.";
        }

        if (c is null)
        {
            return null;
        }

        return c.DataType switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                ? Range(whole, c)
                : $"\"{value}\" is not a whole number.",
            "decimal" => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? Range(number, c)
                : $"\"{value}\" is not a number (use a dot for decimals).",
            "boolean" => value is "true" or "false" ? null : $"\"{value}\" is not true or false.",
            "dateTime" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && value.Contains('T', StringComparison.Ordinal)
                ? null
                : $"\"{value}\" is not an RFC 3339 date and time (e.g. 2026-12-07T10:00:00Z).",
            "OptionList" => ValuesList(c).Contains(value, StringComparer.Ordinal)
                ? MaxLength(value, c)
                : $"\"{value}\" is not one of {string.Join(", ", ValuesList(c))}.",
            "MemberList" or "SequenceList" => Members(value, c) ?? MaxLength(value, c),
            _ => MaxLength(value, c),
        };
    }

    private static string? Members(string value, DeviceModelCharacteristicsDto c)
    {
        var allowed = ValuesList(c);
        var members = value.Length == 0 ? [] : value.Split(',').Select(m => m.Trim()).ToList();
        if (members.FirstOrDefault(m => !allowed.Contains(m, StringComparer.Ordinal)) is { } unknown)
        {
            return $"\"{unknown}\" is not one of {string.Join(", ", allowed)}.";
        }

        return members.Count != members.Distinct(StringComparer.Ordinal).Count() ? "Each value may appear once." : null;
    }

    private static string? Range(decimal value, DeviceModelCharacteristicsDto c)
    {
        var unit = c.Unit is { Length: > 0 } u ? $" {u}" : "";
        if (c.MinLimit is { } min && value < min)
        {
            return $"At least {Number(min)}{unit}.";
        }

        return c.MaxLimit is { } max && value > max ? $"At most {Number(max)}{unit}." : null;
    }

    private static string? MaxLength(string value, DeviceModelCharacteristicsDto c) =>
        c.MaxLimit is { } max && value.Length > max ? $"At most {Number(max)} characters, this is {value.Length}." : null;

    private static IReadOnlyList<string> ValuesList(DeviceModelCharacteristicsDto c) =>
        c.ValuesList is { Length: > 0 } list ? [.. list.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0)] : [];

    private static string? Number(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);
}
