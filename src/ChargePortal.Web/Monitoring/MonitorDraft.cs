using System.Globalization;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Monitoring;

/// <summary>
/// The console's "set a monitor" form and its rules (N04): a variable of the device model that supports monitoring, a
/// threshold inside the variable's range (N04.FR.06), a delta of 0 or more (N04.FR.14), a period of whole seconds, a
/// severity from 0 (Danger) to 9 (Debug).
/// </summary>
public sealed class MonitorDraft
{
    /// <summary>The chosen device-model variable (see <see cref="Key"/>).</summary>
    public DeviceModelEntryDto? Variable { get; set; }
    public MonitorKind Type { get; set; } = MonitorKind.UpperThreshold;
    public string Value { get; set; } = "";
    public int Severity { get; set; } = 5;
    public bool Transaction { get; set; }

    /// <summary>An existing monitor's id to replace (N04.FR.12); empty lets the station allocate one.</summary>
    public string ReplaceId { get; set; } = "";

    /// <summary>How a variable is named in the picker: <c>Component[instance]@evse.connector / Variable[instance]</c>.</summary>
    public static string Key(DeviceModelEntryDto entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var c = entry.Component;
        var component = c.Name + (c.Instance is { } i ? $"[{i}]" : "") + (c.Evse is { } e ? $"@{e.Id}" + (e.ConnectorId is { } cn ? $".{cn}" : "") : "");
        return $"{component} / {entry.Variable.Name}" + (entry.Variable.Instance is { } vi ? $"[{vi}]" : "");
    }

    /// <summary>Variables a monitor may be set on: those whose characteristics do not say they cannot be monitored.</summary>
    public static IEnumerable<DeviceModelEntryDto> Monitorable(IEnumerable<DeviceModelEntryDto> model) =>
        model.Where(e => e.Characteristics is null || e.Characteristics.SupportsMonitoring);

    /// <summary>The monitor to send, or the problems that keep it from being sent.</summary>
    public (MonitorSetting? Monitor, IReadOnlyList<string> Errors) ToSetting()
    {
        var errors = new List<string>();
        if (Variable is null)
        {
            errors.Add("Pick the component and variable to monitor.");
        }
        else if (Variable.Characteristics is { SupportsMonitoring: false })
        {
            errors.Add($"{Key(Variable)} does not support monitoring.");
        }

        var numeric = Variable?.Characteristics?.DataType is null or "integer" or "decimal";
        decimal value = 0;
        if (Type == MonitorKind.Delta && !numeric && Value.Trim().Length == 0)
        {
            value = 1; // N04.FR.17: any change of a non-numeric variable; 1 is the recommended value.
        }
        else if (!decimal.TryParse(Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            errors.Add(Type is MonitorKind.Periodic or MonitorKind.PeriodicClockAligned
                ? "Give the interval in seconds."
                : $"Give the monitor's value as a number (e.g. 7000 or 0.5), not \"{Value}\".");
        }
        else
        {
            errors.AddRange(ValueRules(value));
        }

        if (Severity is < 0 or > 9)
        {
            errors.Add($"Severity runs from 0 (Danger) to 9 (Debug), not {Severity}.");
        }

        int? id = null;
        if (ReplaceId.Trim().Length > 0)
        {
            if (int.TryParse(ReplaceId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                id = parsed;
            }
            else
            {
                errors.Add($"The monitor id to replace is a whole number of 0 or more, not \"{ReplaceId}\".");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var c = Variable!.Component;
        var address = new VariableAddress(c.Name, c.Instance, c.Evse?.Id, c.Evse?.ConnectorId, Variable.Variable.Name, Variable.Variable.Instance);
        return (new MonitorSetting(id, address, Type, value, Severity, Transaction), []);
    }

    private IEnumerable<string> ValueRules(decimal value)
    {
        switch (Type)
        {
            case MonitorKind.Delta when value < 0:
                yield return "A delta is 0 or more: a station rejects a negative one (N04.FR.14).";
                break;
            case MonitorKind.Periodic or MonitorKind.PeriodicClockAligned when value < 1 || value != decimal.Truncate(value):
                yield return "The interval is a whole number of seconds, at least 1.";
                break;
            case MonitorKind.UpperThreshold or MonitorKind.LowerThreshold:
                if (Variable?.Characteristics?.MinLimit is { } min && value < min)
                {
                    yield return $"The threshold {value} is below the variable's minimum {min} (N04.FR.06).";
                }

                if (Variable?.Characteristics?.MaxLimit is { } max && value > max)
                {
                    yield return $"The threshold {value} is above the variable's maximum {max} (N04.FR.06).";
                }

                break;
        }
    }
}
