using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Monitoring;

/// <summary>One entry of <c>GET /api/stations/{id}/monitors</c>; component and variable as in the device model.</summary>
public sealed record VariableMonitorDto(
    int Id,
    DeviceModelComponentDto Component,
    DeviceModelVariableNameDto Variable,
    string Type,
    decimal Value,
    int Severity,
    bool Transaction,
    DateTimeOffset UpdatedAt)
{
    public static VariableMonitorDto From(VariableMonitorRecord m) => new(
        m.MonitorId,
        new DeviceModelComponentDto(m.ComponentName, m.ComponentInstance, m.EvseId is { } evse ? new DeviceModelEvseDto(evse, m.ConnectorId) : null),
        new DeviceModelVariableNameDto(m.VariableName, m.VariableInstance),
        m.Type, m.Value, m.Severity, m.Transaction, m.UpdatedAt);
}

/// <summary>
/// Monitors of 2.0.1 stations. They are set, cleared and reported with the commands <c>set-variable-monitoring</c>,
/// <c>clear-variable-monitoring</c>, <c>set-monitoring-base</c>, <c>set-monitoring-level</c> and
/// <c>get-monitoring-report</c> (<c>POST /api/stations/{id}/commands/{command}</c>); this lists what the station has.
/// </summary>
public static class MonitoringApi
{
    public static IServiceCollection AddVariableMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<VariableMonitors>();
        services.AddHostedService(sp => sp.GetRequiredService<VariableMonitors>());
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<VariableMonitors>());
        return services;
    }

    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/stations", "Monitoring")
            .MapGet("/{id}/monitors", ListAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("The station's variable monitors as it last reported or accepted them (2.0.1).");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<VariableMonitorDto>>, ProblemHttpResult>> ListAsync(
        string id, VariableMonitors monitors, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok<IReadOnlyList<VariableMonitorDto>>([.. (await monitors.ListAsync(id, ct)).Select(VariableMonitorDto.From)]);
    }
}
