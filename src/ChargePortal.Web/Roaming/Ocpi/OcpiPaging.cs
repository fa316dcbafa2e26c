using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>
/// Pagination of OCPI GET lists: <c>offset</c>, <c>limit</c> (capped at <see cref="MaxLimit"/>), <c>date_from</c>
/// (inclusive) and <c>date_to</c> (exclusive) on last_updated; the answer carries <c>X-Total-Count</c>,
/// <c>X-Limit</c> and, when more follow, <c>Link: &lt;…&gt;; rel="next"</c>.
/// </summary>
public sealed record OcpiPaging(int Offset, int Limit, DateTimeOffset? DateFrom, DateTimeOffset? DateTo)
{
    public const int MaxLimit = 100;

    public static (OcpiPaging? Paging, string? Error) Read(HttpRequest request)
    {
        var query = request.Query;
        var offset = 0;
        var limit = MaxLimit;
        if (query.TryGetValue("offset", out var o) && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return (null, "offset must be a non-negative integer.");
        }

        if (query.TryGetValue("limit", out var l) && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit == 0))
        {
            return (null, "limit must be a positive integer.");
        }

        DateTimeOffset? from = null, to = null;
        foreach (var (name, set) in new (string, Action<DateTimeOffset>)[] { ("date_from", v => from = v), ("date_to", v => to = v) })
        {
            if (query.TryGetValue(name, out var text))
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
                {
                    return (null, $"{name} must be an RFC 3339 date and time.");
                }

                set(value);
            }
        }

        return (new OcpiPaging(offset, Math.Min(limit, MaxLimit), from, to), null);
    }

    public bool InWindow(DateTimeOffset lastUpdated) => (DateFrom is null || lastUpdated >= DateFrom) && (DateTo is null || lastUpdated < DateTo);

    /// <summary>Sets the paging headers for a page out of <paramref name="total"/> items.</summary>
    public void WriteHeaders(HttpContext http, string selfUrl, int total, int returned)
    {
        var headers = http.Response.Headers;
        headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        headers["X-Limit"] = MaxLimit.ToString(CultureInfo.InvariantCulture);
        if (Offset + returned < total)
        {
            var parameters = new Dictionary<string, string?>
            {
                ["offset"] = (Offset + returned).ToString(CultureInfo.InvariantCulture),
                ["limit"] = Limit.ToString(CultureInfo.InvariantCulture),
            };
            if (DateFrom is { } from)
            {
                parameters["date_from"] = OcpiJson.Format(from);
            }

            if (DateTo is { } to)
            {
                parameters["date_to"] = OcpiJson.Format(to);
            }

            headers.Link = $"<{QueryHelpers.AddQueryString(selfUrl, parameters)}>; rel=\"next\"";
        }
    }

    /// <summary>Filters, counts and pages an in-memory list ordered as the caller wants.</summary>
    public List<T> Apply<T>(HttpContext http, string selfUrl, IEnumerable<T> items, Func<T, DateTimeOffset> lastUpdated)
    {
        var matching = items.Where(i => InWindow(lastUpdated(i))).ToList();
        var page = matching.Skip(Offset).Take(Limit).ToList();
        WriteHeaders(http, selfUrl, matching.Count, page.Count);
        return page;
    }
}
