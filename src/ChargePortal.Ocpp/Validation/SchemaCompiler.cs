using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChargePortal.Ocpp.Validation;

/// <summary>Turns one OCA schema document into a <see cref="SchemaNode"/> tree, resolving local $refs once.</summary>
internal sealed class SchemaCompiler
{
    // Keywords that carry no validation meaning in the OCA files.
    private static readonly HashSet<string> AnnotationKeywords =
        ["$schema", "$id", "id", "$comment", "title", "description", "javaType", "default", "definitions"];

    private readonly JsonElement _root;
    private readonly Dictionary<string, SchemaNode> _definitions = new(StringComparer.Ordinal);

    private SchemaCompiler(JsonElement root) => _root = root;

    public static SchemaNode Compile(ReadOnlySpan<byte> utf8Schema, string name)
    {
        using var document = JsonDocument.Parse(utf8Schema.ToArray());
        var compiler = new SchemaCompiler(document.RootElement);
        try
        {
            return compiler.CompileNode(document.RootElement);
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidOperationException($"Schema {name} uses an unsupported construct: {ex.Message}", ex);
        }
    }

    private SchemaNode CompileNode(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(reference.GetString()!);
        }

        var node = new SchemaNode();
        Fill(node, schema);
        return node;
    }

    private SchemaNode Resolve(string reference)
    {
        const string prefix = "#/definitions/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"$ref '{reference}' is not a local definition");
        }

        var name = reference[prefix.Length..];
        if (_definitions.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var node = new SchemaNode();
        _definitions[name] = node; // registered before filling so a recursive $ref finds it
        Fill(node, _root.GetProperty("definitions").GetProperty(name));
        return node;
    }

    private void Fill(SchemaNode node, JsonElement schema)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type":
                    node.Types = ParseTypes(value);
                    break;
                case "properties":
                    node.Properties = [.. value.EnumerateObject().Select(p => new SchemaProperty(p.Name, Encoding.UTF8.GetBytes(p.Name), CompileNode(p.Value)))];
                    break;
                case "required":
                    node.Required = [.. value.EnumerateArray().Select(r => r.GetString()!).Select(r => new SchemaProperty(r, Encoding.UTF8.GetBytes(r), new SchemaNode()))];
                    break;
                case "additionalProperties":
                    node.AdditionalPropertiesAllowed = value.ValueKind != JsonValueKind.False
                        ? throw new NotSupportedException("additionalProperties other than false")
                        : false;
                    break;
                case "enum":
                    node.EnumNames = [.. value.EnumerateArray().Select(e => e.GetString()!)];
                    node.Enum = [.. node.EnumNames.Select(Encoding.UTF8.GetBytes)];
                    break;
                case "maxLength":
                    node.MaxLength = value.GetInt32();
                    break;
                case "minimum":
                    node.Minimum = value.GetDecimal();
                    break;
                case "maximum":
                    node.Maximum = value.GetDecimal();
                    break;
                case "multipleOf":
                    node.MultipleOf = value.GetDecimal();
                    break;
                case "items":
                    node.Items = CompileNode(value);
                    break;
                case "minItems":
                    node.MinItems = value.GetInt32();
                    break;
                case "maxItems":
                    node.MaxItems = value.GetInt32();
                    break;
                case "format":
                    node.Format = value.GetString() switch
                    {
                        "date-time" => SchemaFormat.DateTime,
                        "uri" => SchemaFormat.Uri,
                        var other => throw new NotSupportedException($"format '{other}'"),
                    };
                    break;
                default:
                    if (!AnnotationKeywords.Contains(keyword.Name))
                    {
                        throw new NotSupportedException($"keyword '{keyword.Name}'");
                    }

                    break;
            }
        }
    }

    private static SchemaTypes ParseTypes(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Aggregate(SchemaTypes.Any, (all, t) => all | ParseType(t.GetString()))
        : ParseType(value.GetString());

    private static SchemaTypes ParseType(string? name) => name switch
    {
        "string" => SchemaTypes.String,
        "integer" => SchemaTypes.Integer,
        "number" => SchemaTypes.Number,
        "boolean" => SchemaTypes.Boolean,
        "object" => SchemaTypes.Object,
        "array" => SchemaTypes.Array,
        "null" => SchemaTypes.Null,
        _ => throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"type '{name}'")),
    };
}
