using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Operators.Console;

/// <summary>A configuration value as the console's table edits it (a version that does not say is read as writable).</summary>
public sealed record ConfigurationEntry(string Key, string? Value, bool ReadOnly)
{
    public static IReadOnlyList<ConfigurationEntry> From(ConfigurationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return [.. answer.Values.Where(v => v.Key.Length > 0).Select(v => new ConfigurationEntry(v.Key, v.Value, v.Readonly ?? false))];
    }
}
