using System.Globalization;
using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Sites;

namespace ChargePortal.Web.Transactions;

/// <summary>
/// The portal's CSV download of sessions (cookie sign-in, like the pages that link to it), scoped by
/// <see cref="SiteAccess"/>: a site owner only ever exports sessions of their own sites.
/// </summary>
public static class SessionsExport
{
    public const string Path = "/portal/sessions.csv";

    private const string DayFormat = "yyyy-MM-dd";

    public static IServiceCollection AddSessions(this IServiceCollection services) =>
        services.AddSingleton<SessionQueries>()
            .AddSingleton<RemoteStarts>()
            .AddSingleton<IStationCallObserver>(sp => sp.GetRequiredService<RemoteStarts>())
            .AddSingleton<LostSessions>()
            .AddHostedService(sp => sp.GetRequiredService<LostSessions>());

    public static IEndpointRouteBuilder MapSessionsExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync)
            .RequireAuthorization(Policies.Dashboard)
            .WithTags("Portal")
            .WithSummary("Sessions as CSV (site owners: their sites), filtered like the sessions page.");
        return endpoints;
    }

    /// <summary>The download link for a filter, as the sessions pages render it.</summary>
    public static string LinkFor(SessionFilter f)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("stationId", f.StationId);
        Add("siteId", f.SiteId?.ToString(CultureInfo.InvariantCulture));
        Add("idTag", f.IdTag);
        Add("from", f.From is { } from ? SessionsCsv.Iso(from) : null);
        Add("to", f.To is { } to ? SessionsCsv.Iso(to) : null);
        Add("status", f.Status?.ToString());
        Add("fromDate", f.FromDay?.ToString(DayFormat, CultureInfo.InvariantCulture));
        Add("toDate", f.ToDay?.ToString(DayFormat, CultureInfo.InvariantCulture));
        return query.Count == 0 ? Path : Path + "?" + string.Join('&', query);
    }

    private static async Task<IResult> ExportAsync(
        string? stationId, int? siteId, string? idTag, string? from, string? to, string? status, string? fromDate, string? toDate,
        ClaimsPrincipal user, SiteAccess access, SessionQueries sessions, HttpContext http, CancellationToken ct)
    {
        if (!TryParseInstant(from, out var fromAt) || !TryParseInstant(to, out var toAt))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date",
                detail: "'from' and 'to' must be ISO-8601 date-times with an offset, e.g. 2026-11-01T00:00:00Z.");
        }

        if (!TryParseDay(fromDate, out var fromDay) || !TryParseDay(toDate, out var toDay))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date",
                detail: "'fromDate' and 'toDate' must be calendar days like 2026-11-01 (each site's own days, both included).");
        }

        TransactionStatus? parsedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<TransactionStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad status",
                    detail: $"'status' must be one of: {string.Join(", ", Enum.GetNames<TransactionStatus>())}.");
            }

            parsedStatus = s;
        }

        var filter = new SessionFilter(stationId, siteId, idTag, fromAt, toAt, parsedStatus, fromDay, toDay);
        if (filter.Validate() is { } error)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad range", detail: error);
        }

        var scope = await access.ScopeForAsync(user, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"sessions.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        await SessionsCsv.WriteAsync(http.Response.Body, sessions.StreamAsync(scope, filter, ct), ct);
        return Results.Empty;
    }

    private static bool TryParseInstant(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryParseDay(string? text, out DateOnly? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            value = day;
            return true;
        }

        return false;
    }
}
