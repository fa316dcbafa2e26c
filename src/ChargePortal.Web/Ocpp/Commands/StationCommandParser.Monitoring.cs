using System.Text.Json;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// Bodies of the monitoring commands. Components and variables are written as in <c>GET /api/stations/{id}/device-model</c>:
/// <c>{"component": {"name", "instance"?, "evse"?: {"id", "connectorId"?}}, "variable": {"name", "instance"?}}</c>.
/// </summary>
public static partial class StationCommandParser
{
    private static readonly IReadOnlyDictionary<string, MonitoringBase> MonitoringBases = CommandBody.Choices<MonitoringBase>();
    private static readonly IReadOnlyDictionary<string, MonitorKind> MonitorKinds = CommandBody.Choices<MonitorKind>();
    private static readonly IReadOnlyDictionary<string, MonitoringCriterion> MonitoringCriteria = CommandBody.Choices<MonitoringCriterion>();

    /// <summary>Severities run from 0 (Danger) to 9 (Debug).</summary>
    private const int LeastSevere = 9;

    private static SetVariableMonitoringArguments SetVariableMonitoring(StationCommandName command, CommandBody body)
    {
        var monitors = Items(command, body, "monitors", required: true, (item, path) =>
        {
            var (address, _) = Target(command, item, variableRequired: true, "id", "component", "variable", "type", "value", "severity", "transaction");
            var fields = CommandBody.Open(command, item, "id", "component", "variable", "type", "value", "severity", "transaction");
            return new MonitorSetting(
                fields.OptionalInt("id"),
                address!,
                fields.RequiredChoice("type", MonitorKinds),
                fields.RequiredDecimal("value"),
                Severity(fields),
                fields.Has("transaction") && fields.RequiredBool("transaction"));
        });
        return new SetVariableMonitoringArguments(monitors);
    }

    private static ClearVariableMonitoringArguments ClearVariableMonitoring(CommandBody body)
    {
        if (body.OptionalValue("ids") is not { ValueKind: JsonValueKind.Array } ids || ids.GetArrayLength() == 0)
        {
            throw new StationCommandArgumentException("ids", "ids is required: a non-empty array of monitor ids (integers), e.g. [3, 4].");
        }

        var list = new List<int>();
        foreach (var id in ids.EnumerateArray())
        {
            if (id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var value) || value < 0)
            {
                throw new StationCommandArgumentException("ids", $"ids[{list.Count}] must be a monitor id (an integer >= 0), got {CommandBody.Describe(id)}.");
            }

            if (list.Contains(value))
            {
                throw new StationCommandArgumentException("ids", $"ids lists {value} more than once.");
            }

            list.Add(value);
        }

        return new ClearVariableMonitoringArguments(list);
    }

    private static SetMonitoringLevelArguments SetMonitoringLevel(CommandBody body) => new(Severity(body));

    private static GetMonitoringReportArguments GetMonitoringReport(StationCommandName command, CommandBody body)
    {
        var criteria = body.OptionalStringList("criteria").Select((c, i) => MonitoringCriteria.TryGetValue(c, out var criterion)
            ? criterion
            : throw new StationCommandArgumentException("criteria", $"criteria[{i}] must be one of {string.Join(", ", MonitoringCriteria.Keys)}; got \"{c}\".")).ToList();
        var scope = Items(command, body, "componentVariables", required: false, (item, path) =>
        {
            var (_, scope) = Target(command, item, variableRequired: false, "component", "variable");
            return scope;
        });
        return new GetMonitoringReportArguments(criteria, scope);
    }

    private static int Severity(CommandBody body)
    {
        var severity = body.RequiredInt("severity");
        return severity <= LeastSevere
            ? severity
            : throw new StationCommandArgumentException("severity", $"severity must be 0 (Danger) to 9 (Debug), got {severity}.");
    }

    private static List<T> Items<T>(StationCommandName command, CommandBody body, string name, bool required, Func<JsonElement, string, T> read)
    {
        var value = body.OptionalValue(name);
        if (value is null && !required)
        {
            return [];
        }

        if (value is not { ValueKind: JsonValueKind.Array } array || (required && array.GetArrayLength() == 0))
        {
            throw new StationCommandArgumentException(name, $"{name} must be a{(required ? " non-empty" : "n")} array of objects.");
        }

        var items = new List<T>();
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{name}[{items.Count}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new StationCommandArgumentException(name, $"{path} must be an object, got {CommandBody.Describe(item)}.");
            }

            try
            {
                items.Add(read(item, path));
            }
            catch (StationCommandArgumentException ex) when (ex.Field is not null && !ex.Field.StartsWith(name, StringComparison.Ordinal))
            {
                throw new StationCommandArgumentException($"{path}.{ex.Field}", $"{path}.{ex.Message}", ex);
            }
        }

        return items;
    }

    /// <summary>The component and variable an item names, as an address (variable given) and as a report scope.</summary>
    private static (VariableAddress? Address, MonitoringScope Scope) Target(
        StationCommandName command, JsonElement item, bool variableRequired, params string[] allowed)
    {
        var fields = CommandBody.Open(command, item, allowed);
        var component = CommandBody.Open(command, fields.RequiredObject("component"), "name", "instance", "evse");
        var name = Prefixed("component", () => component.RequiredString("name", maxLength: 50));
        var instance = Prefixed("component", () => component.OptionalString("instance", maxLength: 50));
        int? evseId = null, connectorId = null;
        if (component.OptionalValue("evse") is { } evseElement)
        {
            var evse = Prefixed("component", () => CommandBody.Open(command, evseElement, "id", "connectorId"));
            evseId = Prefixed("component.evse", () => evse.RequiredInt("id"));
            connectorId = Prefixed("component.evse", () => evse.OptionalInt("connectorId"));
        }

        string? variableName = null, variableInstance = null;
        if (fields.Has("variable") || variableRequired)
        {
            var variable = CommandBody.Open(command, fields.RequiredObject("variable"), "name", "instance");
            variableName = Prefixed("variable", () => variable.RequiredString("name", maxLength: 50));
            variableInstance = Prefixed("variable", () => variable.OptionalString("instance", maxLength: 50));
        }

        var scope = new MonitoringScope(name, instance, evseId, connectorId, variableName, variableInstance);
        return (variableName is null ? null : new VariableAddress(name, instance, evseId, connectorId, variableName, variableInstance), scope);
    }

    private static T Prefixed<T>(string prefix, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (StationCommandArgumentException ex)
        {
            throw new StationCommandArgumentException($"{prefix}.{ex.Field}", $"{prefix}.{ex.Message}", ex);
        }
    }
}
