using System.Buffers;
using System.Text.Json;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>Writes OCPP-J frames as compact UTF-8 JSON arrays.</summary>
public static class OcppFrameWriter
{
    public static byte[] Write(OcppFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue((int)frame.MessageType);
            writer.WriteStringValue(frame.MessageId);
            switch (frame)
            {
                case OcppCall call:
                    writer.WriteStringValue(call.Action);
                    WriteObject(writer, call.Payload);
                    break;
                case OcppCallResult result:
                    WriteObject(writer, result.Payload);
                    break;
                case OcppCallError error:
                    writer.WriteStringValue(error.WireErrorCode);
                    writer.WriteStringValue(error.Description);
                    WriteObject(writer, error.Details);
                    break;
                default:
                    throw new ArgumentException($"Unknown frame type {frame.GetType().Name}.", nameof(frame));
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string WriteString(OcppFrame frame) => System.Text.Encoding.UTF8.GetString(Write(frame));

    // An unset JsonElement (default) is written as {} so a frame is always well-formed.
    private static void WriteObject(Utf8JsonWriter writer, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            element.WriteTo(writer);
        }
    }
}
