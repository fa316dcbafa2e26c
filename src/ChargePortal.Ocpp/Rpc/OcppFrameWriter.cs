using System.Buffers;
using System.Text.Json;

namespace ChargePortal.Ocpp.Rpc;

/// <summary>Writes OCPP-J frames as compact UTF-8 JSON arrays.</summary>
public static class OcppFrameWriter
{
    // One buffer and writer per thread: writing a frame is synchronous, and every answer to every station is written
    // here, so allocating them per frame was garbage on the hot path.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Write(OcppFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
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
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            // A payload that failed half-way leaves the writer mid-frame; a large one leaves a large buffer behind.
            writer.Reset();
            if (buffer.Capacity > 64 * 1024)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
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
