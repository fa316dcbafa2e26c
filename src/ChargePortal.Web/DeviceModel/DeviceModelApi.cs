using System.Text.Json.Serialization;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.DeviceModel;

public sealed record DeviceModelEvseDto(int Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ConnectorId);

public sealed record DeviceModelComponentDto(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeviceModelEvseDto? Evse);

public sealed record DeviceModelVariableNameDto(string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance);

public sealed record DeviceModelAttributeDto(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Mutability,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Persistent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Constant);

public sealed record DeviceModelCharacteristicsDto(
    string DataType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MinLimit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MaxLimit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ValuesList,
    bool SupportsMonitoring);

/// <summary>One entry of <c>GET /api/stations/{id}/device-model</c> (DESIGN.md "Device model, events and alerts").</summary>
public sealed record DeviceModelEntryDto(
    DeviceModelComponentDto Component,
    DeviceModelVariableNameDto Variable,
    IReadOnlyList<DeviceModelAttributeDto> Attributes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DeviceModelCharacteristicsDto? Characteristics)
{
    public static DeviceModelEntryDto From(DeviceModelVariable v) => new(
        new DeviceModelComponentDto(v.ComponentName, v.ComponentInstance, v.EvseId is { } evse ? new DeviceModelEvseDto(evse, v.ConnectorId) : null),
        new DeviceModelVariableNameDto(v.VariableName, v.VariableInstance),
        [.. v.Attributes.Select(a => new DeviceModelAttributeDto(a.Type, a.Value, a.Mutability, a.Persistent, a.Constant))],
        v.DataType is { } dataType ? new DeviceModelCharacteristicsDto(dataType, v.Unit, v.MinLimit, v.MaxLimit, v.ValuesList, v.SupportsMonitoring ?? false) : null);
}

public static class DeviceModelApi
{
    public static IServiceCollection AddDeviceModel(this IServiceCollection services)
    {
        services.AddSingleton<DeviceModelStore>();
        services.AddSingleton<IStationMessageLimits>(sp => sp.GetRequiredService<DeviceModelStore>());
        services.AddSingleton<VariableAccess>();
        services.AddSingleton<ConfigurationAnswers>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigurationAnswers>());
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<ConfigurationAnswers>());
        services.AddSingleton<BaseReportOnBoot>();
        services.AddSingleton<IStationFrameTap>(sp => sp.GetRequiredService<BaseReportOnBoot>());
        return services;
    }

    public static IEndpointRouteBuilder MapDeviceModelApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup("/stations", "Device model")
            .MapGet("/{id}/device-model", ListAsync).RequireAuthorization(Policies.Operator)
            .WithSummary("The station's device model: components, variables, attributes and characteristics as reported (1.6: component OCPP16).");
        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeviceModelEntryDto>>, ProblemHttpResult>> ListAsync(
        string id, DeviceModelStore store, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        if (await ApiConventions.UnlessStationExistsAsync(dbFactory, id, ct) is { } unknown)
        {
            return unknown;
        }

        return TypedResults.Ok<IReadOnlyList<DeviceModelEntryDto>>([.. (await store.ListAsync(id, ct)).Select(DeviceModelEntryDto.From)]);
    }
}
