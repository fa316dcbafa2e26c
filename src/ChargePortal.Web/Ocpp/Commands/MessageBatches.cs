namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>How many items and bytes one request may carry, as the station reported them (null: no limit known).</summary>
public sealed record MessageLimits(int? ItemsPerMessage, int? BytesPerMessage)
{
    public static MessageLimits None { get; } = new(null, null);
}

/// <summary>
/// Splits a list of request items into consecutive batches that each fit the station's limits (B05.FR.11, B06.FR.05):
/// at most <see cref="MessageLimits.ItemsPerMessage"/> items and a whole frame of at most
/// <see cref="MessageLimits.BytesPerMessage"/> bytes, measured by the caller on the real request.
/// </summary>
public static class MessageBatches
{
    /// <summary>The frame around a payload: <c>[2,"&lt;message id, at most 36&gt;","&lt;action&gt;",…]</c> without the action.</summary>
    private const int FrameOverhead = 48;

    /// <summary>The bytes <paramref name="call"/> takes on the wire as an OCPP-J CALL frame (message ids up to 36 characters).</summary>
    public static int FrameBytes(OcppOutgoingCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return System.Text.Encoding.UTF8.GetByteCount(call.Payload.GetRawText()) + System.Text.Encoding.UTF8.GetByteCount(call.Action) + FrameOverhead;
    }

    /// <exception cref="StationCommandArgumentException">One item alone is larger than the station accepts.</exception>
    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> items, MessageLimits limits, Func<IReadOnlyList<T>, int> frameBytes)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(frameBytes);
        if (limits.ItemsPerMessage is null && limits.BytesPerMessage is null)
        {
            return items.Count == 0 ? [] : [items];
        }

        var batches = new List<IReadOnlyList<T>>();
        var current = new List<T>();
        foreach (var item in items)
        {
            current.Add(item);
            if (Fits(current, limits, frameBytes))
            {
                continue;
            }

            current.RemoveAt(current.Count - 1);
            if (current.Count == 0)
            {
                throw new StationCommandArgumentException(
                    null, $"One item alone makes a request of {frameBytes([item])} bytes, more than the {limits.BytesPerMessage} bytes per message the station accepts.");
            }

            batches.Add(current);
            current = [item];
            if (!Fits(current, limits, frameBytes))
            {
                throw new StationCommandArgumentException(
                    null, $"One item alone makes a request of {frameBytes(current)} bytes, more than the {limits.BytesPerMessage} bytes per message the station accepts.");
            }
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    private static bool Fits<T>(List<T> batch, MessageLimits limits, Func<IReadOnlyList<T>, int> frameBytes) =>
        (limits.ItemsPerMessage is not { } items || batch.Count <= items)
        && (limits.BytesPerMessage is not { } bytes || frameBytes(batch) <= bytes);
}

/// <summary>
/// What a station said its messages may carry (2.0.1 DeviceDataCtrlr ItemsPerMessage / BytesPerMessage per action), so a
/// long request goes out in several calls (<see cref="MessageBatches"/>). The device model keeps these values.
/// </summary>
public interface IStationMessageLimits
{
    Task<MessageLimits> MessageLimitsAsync(string stationId, string action, CancellationToken ct);
}
