using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>Device-model reads and writes with full addressing (B05/B06).</summary>
public sealed partial class V201CommandAdapter
{
    private static OcppOutgoingCall GetVariables(GetVariablesArguments arguments)
    {
        RefuseEmptyOrRepeated(arguments.Reads.Select(r => (r.Address, r.Attribute)).ToList(), "reads");
        return Call("GetVariables", new GetVariablesRequest
        {
            GetVariableData = [.. arguments.Reads.Select(r => new GetVariableData
            {
                Component = ComponentOf(r.Address),
                Variable = VariableOf(r.Address),
                AttributeType = AttributeOf(r.Attribute),
            })],
        });
    }

    private static OcppOutgoingCall SetVariables(SetVariablesArguments arguments)
    {
        RefuseEmptyOrRepeated(arguments.Writes.Select(w => (w.Address, w.Attribute)).ToList(), "writes");
        return Call("SetVariables", new SetVariablesRequest
        {
            SetVariableData = [.. arguments.Writes.Select(w => new SetVariableData
            {
                Component = ComponentOf(w.Address),
                Variable = VariableOf(w.Address),
                AttributeType = AttributeOf(w.Attribute),
                AttributeValue = w.Value,
            })],
        });
    }

    /// <summary>B05.FR.13: one request never names the same component, variable and attribute twice (nor nothing at all).</summary>
    private static void RefuseEmptyOrRepeated(List<(VariableAddress Address, AttributeKind Attribute)> items, string field)
    {
        if (items.Count == 0)
        {
            throw new StationCommandArgumentException(field, $"{field} must name at least one variable.");
        }

        if (items.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new StationCommandArgumentException(
                field, $"{field} names {repeated.Key.Address.Component}.{repeated.Key.Address.Variable} ({repeated.Key.Attribute}) more than once; OCPP 2.0.1 allows each variable and attribute once per request.");
        }
    }

    private static Component ComponentOf(VariableAddress a) => new()
    {
        Name = a.Component,
        Instance = a.ComponentInstance,
        Evse = a.EvseId is { } evse ? new EVSE { Id = evse, ConnectorId = a.ConnectorId } : null,
    };

    private static Variable VariableOf(VariableAddress a) => new() { Name = a.Variable, Instance = a.VariableInstance };

    private static AttributeEnum AttributeOf(AttributeKind kind) => kind switch
    {
        AttributeKind.Actual => AttributeEnum.Actual,
        AttributeKind.Target => AttributeEnum.Target,
        AttributeKind.MinSet => AttributeEnum.MinSet,
        AttributeKind.MaxSet => AttributeEnum.MaxSet,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
