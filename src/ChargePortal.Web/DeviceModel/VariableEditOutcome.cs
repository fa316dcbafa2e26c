using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.DeviceModel;

/// <summary>What the device-model browser shows after a write: the station's verdict on the variable, or why there is none.</summary>
public sealed record VariableEditOutcome(bool Succeeded, string Status, string Message, VariableStatus? Verdict = null)
{
    public static VariableEditOutcome From(CommandResult<VariablesAnswer> result, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Answer?.Results is [var only, ..])
        {
            var message = only.Reason is null ? $"The station answered {only.StatusText}." : $"The station answered {only.StatusText}: {only.Reason}.";
            return new VariableEditOutcome(only.Succeeded, only.StatusText, message, only.Status);
        }

        var outcome = CommandOutcome.From("set-variables", result, at);
        return new VariableEditOutcome(false, outcome.Status, outcome.Message);
    }
}

/// <summary>How the browser names components, variables and rows.</summary>
public static class DeviceModelLabels
{
    public static string Component(DeviceModelComponentDto c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var label = c.Instance is null ? c.Name : $"{c.Name} [{c.Instance}]";
        return c.Evse is { } evse ? $"{label} · EVSE {evse.Id}{(evse.ConnectorId is { } connector ? $" · connector {connector}" : "")}" : label;
    }

    public static string Variable(DeviceModelVariableNameDto v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.Instance is null ? v.Name : $"{v.Name} [{v.Instance}]";
    }

    /// <summary>A stable row key, e.g. <c>OCPPCommCtrlr/HeartbeatInterval/Actual</c> or <c>EVSE[left]@2/Power/MaxSet</c>.</summary>
    public static string Key(DeviceModelEntryDto entry, string attributeType)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var c = entry.Component;
        var component = c.Name + (c.Instance is null ? "" : $"[{c.Instance}]")
            + (c.Evse is { } evse ? $"@{evse.Id}{(evse.ConnectorId is { } connector ? $".{connector}" : "")}" : "");
        var variable = entry.Variable.Name + (entry.Variable.Instance is null ? "" : $"[{entry.Variable.Instance}]");
        return $"{component}/{variable}/{attributeType}";
    }

    public static VariableAddress Address(DeviceModelEntryDto entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new VariableAddress(entry.Component.Name, entry.Component.Instance, entry.Component.Evse?.Id, entry.Component.Evse?.ConnectorId,
            entry.Variable.Name, entry.Variable.Instance);
    }
}
