using System.Text.Json;

namespace ChargePortal.Ocpp.Validation;

/// <summary>The smallest valid value of a schema node: what the console's raw-message editor starts from.</summary>
internal sealed partial class SchemaNode
{
    /// <summary>
    /// Writes the smallest value this node accepts: required properties only, each with its first enum value, its
    /// minimum, a placeholder date-time/URI or an empty string; arrays with as many items as they must have.
    /// </summary>
    public void WriteSkeleton(Utf8JsonWriter writer, DateTimeOffset now)
    {
        if ((Types & SchemaTypes.Object) != 0 || (Types == SchemaTypes.Any && Properties.Length > 0))
        {
            writer.WriteStartObject();
            foreach (var required in Required)
            {
                // Required only names the property; its schema is the one under Properties.
                writer.WritePropertyName(required.Name);
                (Array.Find(Properties, p => p.Name == required.Name)?.Node ?? new SchemaNode()).WriteSkeleton(writer, now);
            }

            writer.WriteEndObject();
        }
        else if ((Types & SchemaTypes.Array) != 0)
        {
            writer.WriteStartArray();
            for (var i = 0; i < (MinItems ?? 0); i++)
            {
                (Items ?? new SchemaNode()).WriteSkeleton(writer, now);
            }

            writer.WriteEndArray();
        }
        else if ((Types & SchemaTypes.String) != 0)
        {
            writer.WriteStringValue(EnumNames?.FirstOrDefault() ?? Format switch
            {
                SchemaFormat.DateTime => now.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                SchemaFormat.Uri => "https://example.com/",
                _ => "",
            });
        }
        else if ((Types & (SchemaTypes.Integer | SchemaTypes.Number)) != 0)
        {
            writer.WriteNumberValue(Minimum is > 0 ? Minimum.Value : 0);
        }
        else if ((Types & SchemaTypes.Boolean) != 0)
        {
            writer.WriteBooleanValue(false);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
