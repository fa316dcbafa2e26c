using System.Globalization;

namespace ChargePortal.Simulator;

public enum ConfigurationValueKind
{
    Integer,
    Boolean,
    Text,
}

/// <summary>One setting, known by its 1.6 key and its 2.0.1 component/variable.</summary>
public sealed record ConfigurationEntry(string Key, string Component, string Variable, string Value, bool ReadOnly, ConfigurationValueKind Kind)
{
    /// <summary>The 2.0.1 name as the HTTP API writes it: <c>Component.Variable</c>.</summary>
    public string ComponentVariable => $"{Component}.{Variable}";
}

public enum ConfigurationChangeResult
{
    Accepted,
    Rejected,
    NotSupported,
}

/// <summary>The station's configuration: 1.6 keys and their 2.0.1 device-model equivalents, in one store. Thread-safe.</summary>
public sealed class ConfigurationStore
{
    private readonly Lock _lock = new();
    private readonly List<ConfigurationEntry> _entries;

    public ConfigurationStore(IEnumerable<ConfigurationEntry> entries)
    {
        _entries = [.. entries];
    }

    /// <summary>Raised after a value changed (outside the store's lock).</summary>
    public event EventHandler<ConfigurationEntry>? Changed;

    public IReadOnlyList<ConfigurationEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public static ConfigurationStore CreateDefault(SimulatedChargePointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string Seconds(TimeSpan t) => ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new ConfigurationStore(
        [
            new("HeartbeatInterval", "OCPPCommCtrlr", "HeartbeatInterval", Seconds(options.HeartbeatInterval), false, ConfigurationValueKind.Integer),
            new("MeterValueSampleInterval", "SampledDataCtrlr", "TxUpdatedInterval", Seconds(options.MeterValueInterval), false, ConfigurationValueKind.Integer),
            new("MeterValuesSampledData", "SampledDataCtrlr", "TxUpdatedMeasurands", "Energy.Active.Import.Register,Power.Active.Import,SoC", false, ConfigurationValueKind.Text),
            new("ConnectionTimeOut", "TxCtrlr", "EVConnectionTimeOut", "60", false, ConfigurationValueKind.Integer),
            new("AuthorizeRemoteTxRequests", "AuthCtrlr", "AuthorizeRemoteStart", "false", false, ConfigurationValueKind.Boolean),
            new("LocalAuthListEnabled", "LocalAuthListCtrlr", "Enabled", "true", false, ConfigurationValueKind.Boolean),
            new("LocalPreAuthorize", "AuthCtrlr", "LocalPreAuthorize", "false", false, ConfigurationValueKind.Boolean),
            new("StopTransactionOnEVSideDisconnect", "TxCtrlr", "StopTxOnEVSideDisconnect", "true", false, ConfigurationValueKind.Boolean),
            new("NumberOfConnectors", "ChargingStation", "NumberOfConnectors", options.Connectors.Count.ToString(CultureInfo.InvariantCulture), true, ConfigurationValueKind.Integer),
            new("SupportedFeatureProfiles", "ChargingStation", "SupportedFeatureProfiles", "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger", true, ConfigurationValueKind.Text),
            new("ChargeProfileMaxStackLevel", "SmartChargingCtrlr", "ProfileStackLevel", "10", true, ConfigurationValueKind.Integer),
            new("LocalAuthListMaxLength", "LocalAuthListCtrlr", "Entries", "1000", true, ConfigurationValueKind.Integer),
            new("ChargePointModel", "ChargingStation", "Model", options.Model, true, ConfigurationValueKind.Text),
            new("ChargePointVendor", "ChargingStation", "VendorName", options.Vendor, true, ConfigurationValueKind.Text),
        ]);
    }

    /// <summary>Finds an entry by its 1.6 key or its 2.0.1 <c>Component.Variable</c> name (case-insensitive).</summary>
    public bool TryGet(string key, out ConfigurationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            entry = _entries.Find(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(e.ComponentVariable, key, StringComparison.OrdinalIgnoreCase))!;
            return entry is not null;
        }
    }

    public bool TryGet(string component, string variable, out ConfigurationEntry entry)
        => TryGet($"{component}.{variable}", out entry);

    public bool HasComponent(string component)
    {
        lock (_lock)
        {
            return _entries.Exists(e => string.Equals(e.Component, component, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The integer value of an entry, or <paramref name="fallback"/>.</summary>
    public int GetInt(string key, int fallback)
        => TryGet(key, out var entry) && int.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>Changes a writable value. Read-only → Rejected, a malformed value → Rejected, unknown → NotSupported.</summary>
    public ConfigurationChangeResult TrySet(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        ConfigurationEntry updated;
        lock (_lock)
        {
            if (!TryGet(key, out var entry))
            {
                return ConfigurationChangeResult.NotSupported;
            }

            if (entry.ReadOnly || !IsValid(entry.Kind, value))
            {
                return ConfigurationChangeResult.Rejected;
            }

            updated = entry with { Value = NormalizeValue(entry.Kind, value) };
            _entries[_entries.IndexOf(entry)] = updated;
        }

        Changed?.Invoke(this, updated);
        return ConfigurationChangeResult.Accepted;
    }

    private static bool IsValid(ConfigurationValueKind kind, string value) => kind switch
    {
        ConfigurationValueKind.Integer => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0,
        ConfigurationValueKind.Boolean => bool.TryParse(value, out _),
        _ => true,
    };

    private static string NormalizeValue(ConfigurationValueKind kind, string value)
        => kind == ConfigurationValueKind.Boolean ? bool.Parse(value).ToString().ToLowerInvariant() : value;
}
