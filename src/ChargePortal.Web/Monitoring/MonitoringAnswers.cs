using System.Text.Json.Nodes;

namespace ChargePortal.Web.Monitoring;

/// <summary>Each monitor's own status in a SetVariableMonitoring or ClearVariableMonitoring answer, one line each.</summary>
public static class MonitoringAnswers
{
    public static IReadOnlyList<string> Items(JsonObject details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var lines = new List<string>();
        foreach (var result in (details["setMonitoringResult"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var target = $"{(string?)result["component"]?["name"]}.{(string?)result["variable"]?["name"]} {(string?)result["type"]}";
            var id = result["id"] is { } monitorId ? $" as monitor {monitorId}" : "";
            lines.Add($"{target}: {(string?)result["status"]}{id}" + Reason(result));
        }

        foreach (var result in (details["clearMonitoringResult"] as JsonArray ?? []).OfType<JsonObject>())
        {
            lines.Add($"Monitor {result["id"]}: {(string?)result["status"]}" + Reason(result));
        }

        return lines;
    }

    private static string Reason(JsonObject result) =>
        result["statusInfo"]?["reasonCode"] is { } reason ? $" ({reason})" : "";
}
