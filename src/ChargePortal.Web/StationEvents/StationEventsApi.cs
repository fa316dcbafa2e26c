using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.StationEvents;

/// <summary>One entry of <c>GET /api/stations/{id}/events</c>.</summary>
public sealed record StationEventDto(
    DateTimeOffset Time, StationEventKind Kind, string? Component, string? ComponentInstance, int? EvseId, int? ConnectorId,
    string? Variable, string? VariableInstance, string? Trigger, string? ActualValue, string? TechCode, string? TechInfo, bool? Cleared,
    int? Severity, int? EventId, int? VariableMonitoringId)
{
    public static StationEventDto From(StationEventRecord e) => new(e.At, e.Kind, e.Component, e.ComponentInstance, e.EvseId, e.ConnectorId,
        e.Variable, e.VariableInstance, e.Trigger, e.ActualValue, e.TechCode, e.TechInfo, e.Cleared, e.Severity, e.EventId, e.VariableMonitoringId);
}

/// <summary>One entry of <c>GET /api/alerts</c> (DESIGN.md "Device model, events and alerts").</summary>
public sealed record AlertApiDto(long Id, string StationId, int? SiteId, AlertKind Kind, int? Severity, string Message,
    DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, DateTimeOffset? AcknowledgedAt);

public static class StationEventsApi
{
    public static IServiceCollection AddStationEvents(this IServiceCollection services)
    {
        services.AddSingleton<StationEventLog>();
        services.AddHostedService<StationEventRetention>();
        return services;
    }

    public static IEndpointRouteBuilder MapStationEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/stations", "Station events")
            .MapGet("/{id}/events", EventsAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("Events the station reported (NotifyEvent, security events, monitoring reports), newest first, optionally between from and to.");
        endpoints.MapApiGroup("/alerts", "Alerts")
            .MapGet("/", AlertsAsync).RequireAuthorization(Policies.Dashboard)
            .WithSummary("Alerts, newest first (site owners: their sites), optionally of one station and only open ones (neither cleared nor acknowledged).");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<StationEventDto>>, ProblemHttpResult>> EventsAsync(
        string id, DateTimeOffset? from, DateTimeOffset? to, int? skip, int? take,
        StationEventLog log, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (from > to)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad range", "from must not be after to.");
        }

        if (take is < 1 or > 1000 || skip < 0)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad paging", "take must be 1 to 1,000 and skip at least 0.");
        }

        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        var events = await log.ListAsync(id, from, to, skip ?? 0, take ?? 1000, ct);
        return TypedResults.Ok<IReadOnlyList<StationEventDto>>([.. events.Select(StationEventDto.From)]);
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertApiDto>>, ProblemHttpResult>> AlertsAsync(
        string? stationId, bool? open, int? skip, int? take, ClaimsPrincipal user, HttpResponse response, SiteAccess access, AlertService alerts, CancellationToken ct)
    {
        if (take is < 1 or > 1000 || skip < 0)
        {
            return ApiConventions.Problem(StatusCodes.Status400BadRequest, "Bad paging", "take must be 1 to 1,000 and skip at least 0.");
        }

        var scope = await access.ScopeForAsync(user, ct);
        response.Headers["X-Total-Count"] = (await alerts.CountAsync(scope, open == true, stationId, ct)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var list = await alerts.ListAsync(scope, open == true, stationId, skip ?? 0, take ?? 1000, ct);
        return TypedResults.Ok<IReadOnlyList<AlertApiDto>>([.. list.Select(a =>
            new AlertApiDto(a.Id, a.StationId, a.SiteId, a.Kind, a.Severity, a.Message, a.RaisedAt, a.ClearedAt, a.AcknowledgedAt))]);
    }
}

/// <summary>Removes station events older than the message log's retention (Ocpp:MessageLogRetentionDays), hourly, on the leader.</summary>
public sealed class StationEventRetention(
    IDbContextFactory<AppDbContext> dbFactory, IClusterSingletonGate gate, DatabaseWriteGate writeGate, IOptions<OcppOptions> options,
    TimeProvider time, ILogger<StationEventRetention> logger) : BackgroundService
{
    public const string JobName = "station-event-retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await PurgeAsync(stoppingToken);
                }
            }
            catch (DbUpdateException ex)
            {
                logger.LogWarning(ex, "Station event retention run failed; will retry next hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().AddDays(-Math.Max(1, options.Value.MessageLogRetentionDays));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var turn = await writeGate.EnterAsync(ct);
        return await db.StationEvents.Where(e => e.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
