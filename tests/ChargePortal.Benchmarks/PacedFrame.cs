using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace ChargePortal.Benchmarks;

/// <summary>
/// The load's own frames, written into and read from reused byte buffers. The generator shares the machine with the
/// server it measures; allocating a few strings per message made it collect garbage about once a second, and each
/// collection paused every simulated station for tens of milliseconds, which showed up as server latency.
/// </summary>
internal static class PacedFrame
{
    public const int MaxLength = 512;

    /// <summary>
    /// Message <paramref name="id"/> of a station's round: Heartbeat, StatusNotification and MeterValues in turn
    /// (the register rising with every sample). Returns the frame's length in <paramref name="buffer"/>.
    /// </summary>
    public static int Write(byte[] buffer, long id, DateTime now)
    {
        int written;
        var ok = (id % 3) switch
        {
            0 => Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"[2,\"{id}\",\"Heartbeat\",{{}}]", out written),
            1 => Utf8.TryWrite(buffer, CultureInfo.InvariantCulture,
                $"[2,\"{id}\",\"StatusNotification\",{{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}}]", out written),
            _ => Utf8.TryWrite(buffer, CultureInfo.InvariantCulture,
                $"[2,\"{id}\",\"MeterValues\",{{\"connectorId\":1,\"meterValue\":[{{\"timestamp\":\"{now:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"sampledValue\":[{{\"value\":\"{id * 10}\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}}]}}]}}]", out written),
        };
        return ok ? written : throw new InvalidOperationException($"A paced frame does not fit in {MaxLength} bytes.");
    }

    /// <summary>Message type and numeric id of an answer (CALLRESULT 3, CALLERROR 4); (0, 0) for anything else.</summary>
    public static (int MessageType, long Id) ReadAnswer(ReadOnlySpan<byte> frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.Number
                && reader.TryGetInt32(out var type) && type is 3 or 4 && reader.Read() && reader.TokenType == JsonTokenType.String
                && !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long id, out var consumed) && consumed == reader.ValueSpan.Length)
            {
                return (type, id);
            }
        }
        catch (JsonException)
        {
            // Not OCPP-J: not an answer to a paced call.
        }

        return (0, 0);
    }
}
