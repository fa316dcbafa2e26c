using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Hosting;

/// <summary>
/// <c>?skip=&amp;take=</c> of every list endpoint of the HTTP API (DESIGN.md): the body stays a JSON array, at most
/// <see cref="MaxTake"/> items (the first <see cref="MaxTake"/> without paging), and the number of items matching the
/// filters goes in <c>X-Total-Count</c>. A value that is not a whole number, a negative skip or a take outside
/// 1..1,000 is a 400 naming the parameter, not silently corrected.
/// </summary>
public readonly record struct PageRequest(int Skip, int Take, string? Error)
{
    public const int MaxTake = 1000;

    public const string TotalCountHeader = "X-Total-Count";

    public static PageRequest Default => new(0, MaxTake, null);

    /// <summary>Minimal-API binding from the query string; an invalid value is reported through <see cref="Error"/>.</summary>
    public static ValueTask<PageRequest> BindAsync(HttpContext context) =>
        ValueTask.FromResult(Parse(context.Request.Query["skip"], context.Request.Query["take"]));

    public static PageRequest Parse(string? skip, string? take)
    {
        var s = 0;
        if (!string.IsNullOrEmpty(skip) && (!int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out s)))
        {
            return new(0, MaxTake, $"'skip' must be a whole number of items to skip, 0 or more (got '{skip}').");
        }

        var t = MaxTake;
        if (!string.IsNullOrEmpty(take) && (!int.TryParse(take, NumberStyles.None, CultureInfo.InvariantCulture, out t) || t is < 1 or > MaxTake))
        {
            return new(0, MaxTake, $"'take' must be a whole number from 1 to {MaxTake} (got '{take}').");
        }

        return new(s, t, null);
    }

    /// <summary>Counts what the query matches into <c>X-Total-Count</c>, then returns this page of it (the query must be ordered).</summary>
    public async Task<List<T>> ApplyAsync<T>(IQueryable<T> ordered, HttpResponse response, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        return await ordered.Skip(Skip).Take(Take).ToListAsync(ct);
    }

    public static void SetTotal(HttpResponse response, int total) =>
        response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
}
