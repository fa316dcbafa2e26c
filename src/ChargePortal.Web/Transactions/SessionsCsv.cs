using System.Globalization;
using System.Text;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// RFC 4180 CSV of sessions: invariant culture, ISO-8601 UTC times (and the start on the site's clock, with its
/// offset, for people reading per-site days), quoted where needed.
/// </summary>
public static class SessionsCsv
{
    public static readonly string Header = string.Join(',',
        "id", "transaction_id", "station_id", "site", "evse_id", "connector_id", "id_tag", "started_at_utc", "stopped_at_utc",
        "duration_seconds", "energy_kwh", "cost", "currency", "status", "stop_reason",
        "started_at_local");

    public static string Line(SessionRow r) => string.Join(',',
        r.Id.ToString(CultureInfo.InvariantCulture),
        Escape(r.TransactionId),
        Escape(r.StationId),
        Escape(r.SiteName),
        r.EvseId.ToString(CultureInfo.InvariantCulture),
        r.ConnectorId.ToString(CultureInfo.InvariantCulture),
        Escape(r.IdTag),
        Iso(r.StartedAt),
        r.StoppedAt is { } stop ? Iso(stop) : "",
        r.Duration is { } d ? ((long)d.TotalSeconds).ToString(CultureInfo.InvariantCulture) : "",
        (r.EnergyWh / 1000m).ToString("0.000", CultureInfo.InvariantCulture),
        r.Cost is { } c ? c.ToString("0.00##", CultureInfo.InvariantCulture) : "",
        Escape(r.Currency),
        r.Status.ToString(),
        Escape(r.StopReason),
        SiteTime.Format(r.StartedAt, r.SiteTimeZoneId, "yyyy-MM-dd'T'HH:mm:sszzz"));

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Quotes a field that holds a comma, quote or line break; a leading = + - @ is defused so spreadsheets do not run it as a formula.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<SessionRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header.AsMemory(), ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Line(row).AsMemory(), ct);
        }

        await writer.FlushAsync(ct);
    }
}
