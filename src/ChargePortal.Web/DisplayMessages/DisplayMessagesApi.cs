using System.Security.Claims;
using System.Text.Json;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Stations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargePortal.Web.DisplayMessages;

/// <summary>One message of <c>GET /api/stations/{id}/display-messages</c>.</summary>
public sealed record DisplayMessageDto(
    int Id, string Priority, string? State, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? TransactionId,
    string Format, string? Language, string Content, string Source, DateTimeOffset UpdatedAt)
{
    public static DisplayMessageDto From(StationDisplayMessage m) =>
        new(m.MessageId, m.Priority, m.State, m.StartsAt, m.EndsAt, m.TransactionId, m.Format, m.Language, m.Content, m.Source, m.UpdatedAt);
}

/// <summary>The station's answer: its status as sent, what it means, the message id (set/clear) or request id (query).</summary>
public sealed record DisplayMessageAnswerDto(string Status, string Detail, int? Id, int? RequestId);

/// <summary>
/// Display messages of 2.0.1 stations (DESIGN.md "Display messages"): operators on every station, site owners on their
/// own sites' stations.
/// </summary>
public static class DisplayMessagesApi
{
    public static IServiceCollection AddDisplayMessages(this IServiceCollection services)
    {
        services.AddSingleton<StationFeatureAccess>();
        services.AddSingleton<DisplayMessageLedger>();
        services.AddHostedService(sp => sp.GetRequiredService<DisplayMessageLedger>());
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<DisplayMessageLedger>());
        services.AddSingleton<DisplayMessageService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDisplayMessagesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup("/stations", "Display messages");
        api.MapGet("/{id}/display-messages", ListAsync).RequireAuthorization(Policies.Dashboard)
            .WithSummary("The display messages the station holds as the CSMS last learned them (set, reported, cleared). 2.0.1 only.");
        api.MapPost("/{id}/display-messages", SetAsync).RequireAuthorization(Policies.Dashboard)
            .WithSummary("Set (or, with an existing id, replace) a display message: SetDisplayMessage. Without id the CSMS picks the next free one.");
        api.MapPost("/{id}/display-messages/query", QueryAsync).RequireAuthorization(Policies.Dashboard)
            .WithSummary("Ask the station for its display messages (GetDisplayMessages, optionally by ids/priority/state); they arrive as NotifyDisplayMessages and replace the list.");
        api.MapDelete("/{id}/display-messages/{messageId:int}", ClearAsync).RequireAuthorization(Policies.Dashboard)
            .WithSummary("Clear a display message: ClearDisplayMessage.");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<DisplayMessageDto>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, DisplayMessageService messages, CancellationToken ct)
    {
        var (station, error) = await messages.CheckAsync(id, user, ct);
        if ((error ?? StationFeatureAccess.Unless201(station!, DisplayMessageService.Feature)) is { } refused && refused.Kind != StationFeatureFailure.Unavailable)
        {
            return Problem(refused);
        }

        return TypedResults.Ok<IReadOnlyList<DisplayMessageDto>>([.. (await messages.ListAsync(id, ct)).Select(DisplayMessageDto.From)]);
    }

    private static async Task<Results<Ok<DisplayMessageAnswerDto>, ProblemHttpResult>> SetAsync(
        string id, HttpRequest request, ClaimsPrincipal user, DisplayMessageService messages, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, ct);
        if (body.Error is { } bad)
        {
            return bad;
        }

        DisplayMessageDraft draft;
        try
        {
            draft = StationNoticeParser.DisplayMessage(StationCommandName.SetDisplayMessage, body.Value, idRequired: false);
        }
        catch (StationCommandArgumentException ex)
        {
            // An unknown or forbidden station is said before the body's problems.
            return await RefusalAsync(id, user, messages, ct) ?? ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad display message", ex.Message);
        }

        return Answer(await messages.SetAsync(id, draft, user, Actor(user), ct));
    }

    private static async Task<Results<Ok<DisplayMessageAnswerDto>, ProblemHttpResult>> QueryAsync(
        string id, HttpRequest request, ClaimsPrincipal user, DisplayMessageService messages, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request, ct);
        if (body.Error is { } bad)
        {
            return bad;
        }

        GetDisplayMessagesArguments query;
        try
        {
            query = StationNoticeParser.DisplayQuery(StationCommandName.GetDisplayMessages, body.Value);
        }
        catch (StationCommandArgumentException ex)
        {
            return await RefusalAsync(id, user, messages, ct) ?? ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad display message query", ex.Message);
        }

        return Answer(await messages.QueryAsync(id, query, user, Actor(user), ct));
    }

    private static async Task<Results<Ok<DisplayMessageAnswerDto>, ProblemHttpResult>> ClearAsync(
        string id, int messageId, ClaimsPrincipal user, DisplayMessageService messages, CancellationToken ct)
        => Answer(await messages.ClearAsync(id, messageId, user, Actor(user), ct));

    private static Results<Ok<DisplayMessageAnswerDto>, ProblemHttpResult> Answer(DisplayMessageResult result) => result.Error is { } error
        ? Problem(error)
        : TypedResults.Ok(new DisplayMessageAnswerDto(result.Answer!.StatusText, result.Answer.Explanation, result.MessageId, result.Answer.RequestId));

    private static async Task<ProblemHttpResult?> RefusalAsync(string id, ClaimsPrincipal user, DisplayMessageService messages, CancellationToken ct)
        => (await messages.CheckAsync(id, user, ct)).Error is { } error ? Problem(error) : null;

    internal static async Task<(JsonElement? Value, ProblemHttpResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0)
        {
            return (null, null);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad request", $"The body is not valid JSON: {ex.Message}"));
        }
    }

    internal static CommandActor Actor(ClaimsPrincipal user) => new(user.Identity?.Name ?? "api", user.FindFirstValue(ClaimTypes.NameIdentifier));

    internal static ProblemHttpResult Problem(StationFeatureError error) => error.Kind switch
    {
        StationFeatureFailure.UnknownStation => ApiConventions.Problem(StatusCodes.Status404NotFound, "Unknown station", error.Detail),
        StationFeatureFailure.Forbidden => ApiConventions.Problem(StatusCodes.Status403Forbidden, "Not your station", error.Detail),
        StationFeatureFailure.NotSupported => ApiConventions.Problem(StatusCodes.Status409Conflict, "Not supported by the station's OCPP version", error.Detail),
        StationFeatureFailure.Unavailable => ApiConventions.Problem(StatusCodes.Status409Conflict, "Station not available", error.Detail),
        StationFeatureFailure.BadInput => ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad input", error.Detail),
        StationFeatureFailure.Timeout => ApiConventions.Problem(StatusCodes.Status504GatewayTimeout, "No answer in time", error.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"Station error: {error.OcppErrorCode}", detail: error.Detail,
            extensions: new Dictionary<string, object?> { ["ocppErrorCode"] = error.OcppErrorCode }),
    };
}
