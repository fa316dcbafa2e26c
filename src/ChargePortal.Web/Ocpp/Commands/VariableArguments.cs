using System.Text.Json.Nodes;

namespace ChargePortal.Web.Ocpp.Commands;

// Device-model reads and writes with full 2.0.1 addressing (component instance, EVSE, connector, variable instance,
// attribute type). They are the same commands as get-configuration / set-configuration (and audited as such); only
// their addressing is richer, so OCPP 1.6 has no mapping for them.

/// <summary>
/// Where a variable lives: component (name, instance, EVSE, connector) and variable (name, instance). The address the
/// operations name; the device model keeps its rows by it.
/// </summary>
public sealed record VariableAddress(string Component, string? ComponentInstance, int? EvseId, int? ConnectorId, string Variable, string? VariableInstance);

/// <summary>The attribute of a variable a read or write addresses (2.0.1 AttributeEnumType).</summary>
public enum AttributeKind
{
    Actual,
    Target,
    MinSet,
    MaxSet,
}

/// <summary>A station's verdict on one variable (2.0.1 GetVariableStatusEnumType ∪ SetVariableStatusEnumType).</summary>
public enum VariableStatus
{
    Accepted,
    Rejected,
    RebootRequired,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
    Other,
}

public sealed record VariableRead(VariableAddress Address, AttributeKind Attribute = AttributeKind.Actual);

public sealed record VariableWrite(VariableAddress Address, AttributeKind Attribute, string Value);

/// <summary>One result of a GetVariables/SetVariables answer; <see cref="Value"/> only for reads.</summary>
public sealed record VariableResult(VariableAddress Address, AttributeKind Attribute, VariableStatus Status, string StatusText, string? Value, string? Reason)
{
    public bool Succeeded => Status is VariableStatus.Accepted or VariableStatus.RebootRequired;
}

/// <summary>The results of one or more GetVariables/SetVariables calls, in the order the items were asked for.</summary>
public sealed record VariablesAnswer(CommandStatus Status, string StatusText, JsonObject Details, IReadOnlyList<VariableResult> Results)
    : StationAnswer(Status, StatusText, Details)
{
    internal static VariablesAnswer Read(JsonObject details, string resultsProperty)
    {
        var answer = StationAnswer.From(details);
        var results = (details[resultsProperty]?.AsArray() ?? []).OfType<JsonObject>().Select(ReadResult).ToList();
        return new VariablesAnswer(answer.Status, answer.StatusText, details, results);
    }

    private static VariableResult ReadResult(JsonObject r)
    {
        var component = r["component"]!.AsObject();
        var variable = r["variable"]!.AsObject();
        var evse = component["evse"]?.AsObject();
        var address = new VariableAddress(
            component["name"]!.GetValue<string>(), component["instance"]?.GetValue<string>(), evse?["id"]?.GetValue<int>(), evse?["connectorId"]?.GetValue<int>(),
            variable["name"]!.GetValue<string>(), variable["instance"]?.GetValue<string>());
        var attribute = Enum.TryParse<AttributeKind>(r["attributeType"]?.GetValue<string>(), ignoreCase: false, out var kind) ? kind : AttributeKind.Actual;
        var text = r["attributeStatus"]?.GetValue<string>() ?? nameof(VariableStatus.Other);
        var status = Enum.TryParse<VariableStatus>(text, ignoreCase: false, out var parsed) ? parsed : VariableStatus.Other;
        var info = r["attributeStatusInfo"]?.AsObject();
        var reason = info is null ? null : string.Join(": ", new[] { info["reasonCode"]?.GetValue<string>(), info["additionalInfo"]?.GetValue<string>() }.Where(s => !string.IsNullOrEmpty(s)));
        return new VariableResult(address, attribute, status, text, r["attributeValue"]?.GetValue<string>(), string.IsNullOrEmpty(reason) ? null : reason);
    }
}

/// <summary>2.0.1 GetVariables of the given variables and attributes.</summary>
public sealed record GetVariablesArguments(IReadOnlyList<VariableRead> Reads) : StationOperation<VariablesAnswer>
{
    public override StationCommandName Command => StationCommandName.GetConfiguration;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context) => VariablesAnswer.Read(details, "getVariableResult");
}

/// <summary>2.0.1 SetVariables of the given values.</summary>
public sealed record SetVariablesArguments(IReadOnlyList<VariableWrite> Writes) : StationOperation<VariablesAnswer>
{
    public override StationCommandName Command => StationCommandName.SetConfiguration;

    internal override StationAnswer ReadAnswer(JsonObject details, StationCommandContext context) => VariablesAnswer.Read(details, "setVariableResult");
}
