using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.DeviceModel;

/// <summary>The host with the GetBaseReport-after-boot turned on (the product default; the shared factories turn it off).</summary>
public sealed class BaseReportOnBootFactory : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpp:CallTimeoutSeconds"] = "10",
        ["Ocpp:BaseReportOnBoot"] = "true",
    };
}

internal static class DeviceModelTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static JsonObject ReportData(string component, string variable, JsonArray attributes, JsonObject? characteristics = null,
        string? componentInstance = null, int? evseId = null, int? connectorId = null, string? variableInstance = null)
    {
        var c = new JsonObject { ["name"] = component };
        if (componentInstance is not null)
        {
            c["instance"] = componentInstance;
        }

        if (evseId is not null)
        {
            var evse = new JsonObject { ["id"] = evseId };
            if (connectorId is not null)
            {
                evse["connectorId"] = connectorId;
            }

            c["evse"] = evse;
        }

        var v = new JsonObject { ["name"] = variable };
        if (variableInstance is not null)
        {
            v["instance"] = variableInstance;
        }

        var data = new JsonObject { ["component"] = c, ["variable"] = v, ["variableAttribute"] = attributes };
        if (characteristics is not null)
        {
            data["variableCharacteristics"] = characteristics;
        }

        return data;
    }

    public static JsonObject NotifyReport(int requestId, int seqNo, bool tbc, params JsonObject[] data) => new()
    {
        ["requestId"] = requestId,
        ["generatedAt"] = "2026-12-07T10:00:00.000Z",
        ["seqNo"] = seqNo,
        ["tbc"] = tbc,
        ["reportData"] = new JsonArray([.. data]),
    };

    public static async Task<JsonElement> DeviceModelAsync(HttpClient api, string stationId)
    {
        var response = await api.GetAsync($"/api/stations/{Uri.EscapeDataString(stationId)}/device-model", Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static JsonElement? Find(JsonElement model, string component, string variable, string? componentInstance = null, string? variableInstance = null) =>
        model.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(e =>
            e!.Value.GetProperty("component").GetProperty("name").GetString() == component
            && e.Value.GetProperty("variable").GetProperty("name").GetString() == variable
            && Optional(e.Value.GetProperty("component"), "instance") == componentInstance
            && Optional(e.Value.GetProperty("variable"), "instance") == variableInstance);

    public static string? Optional(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    public static string? Attribute(JsonElement entry, string type, string property = "value") =>
        entry.GetProperty("attributes").EnumerateArray().FirstOrDefault(a => a.GetProperty("type").GetString() == type) is { ValueKind: JsonValueKind.Object } a
        && a.TryGetProperty(property, out var value) ? value.ToString() : null;

    /// <summary>Answers are stored off the socket's path: waits until the store shows what the test expects.</summary>
    public static async Task<JsonElement> EventuallyAsync(HttpClient api, string stationId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var model = await DeviceModelAsync(api, stationId);
            if (condition(model) || DateTime.UtcNow > deadline)
            {
                return model;
            }

            await Task.Delay(50, Ct);
        }
    }

    public static async Task<int> StoredRowsAsync(ChargePortalFactory factory, string stationId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().DeviceModelVariables.CountAsync(v => v.StationId == stationId, Ct);
    }
}
