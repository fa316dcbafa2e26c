using ChargePortal.Ocpp;

namespace ChargePortal.Simulator;

/// <summary>The physical connector type, used for reports and the demo.</summary>
public enum SimulatedConnectorType
{
    Type2,
    Ccs2,
    Chademo,
    Type1,
    Ccs1,
}

/// <summary>One connector (1.6) / EVSE with one connector (2.0.1).</summary>
public sealed record SimulatedConnectorOptions(SimulatedConnectorType Type = SimulatedConnectorType.Type2, int MaxPowerW = 22_000);

/// <summary>How one simulated station is set up. All intervals are in simulated time (see <see cref="SpeedFactor"/>).</summary>
public sealed record SimulatedChargePointOptions
{
    public required string Id { get; init; }

    public OcppVersion Version { get; init; } = OcppVersion.V16;

    /// <summary>CSMS base URL, e.g. <c>ws://127.0.0.1:5000/ocpp</c>; the station id is appended as the last path segment.</summary>
    public required Uri CsmsUrl { get; init; }

    /// <summary>Basic-auth password (security profile 1); null sends no Authorization header.</summary>
    public string? Password { get; init; }

    public IReadOnlyList<SimulatedConnectorOptions> Connectors { get; init; } = [new(), new()];

    public string Vendor { get; init; } = "ChargePortal";

    public string Model { get; init; } = "Simulator";

    public string FirmwareVersion { get; init; } = "1.0.0";

    public string? SerialNumber { get; init; }

    /// <summary>MeterValueSampleInterval / TxUpdatedInterval at power-up.</summary>
    public TimeSpan MeterValueInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Heartbeat interval until the CSMS gives one at boot.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Simulated time runs this many times faster than the clock: intervals are divided by it, energy is multiplied by it.</summary>
    public double SpeedFactor { get; init; } = 1.0;

    /// <summary>How long a CALL waits for the CSMS's answer.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect delay; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a reset "reboot" takes before the station reconnects.</summary>
    public TimeSpan RebootDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time between the firmware/diagnostics status steps.</summary>
    public TimeSpan StatusStepDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Send a BootNotification on every reconnect, not only after power-up and reboots.</summary>
    public bool BootOnReconnect { get; init; }

    public int BatteryCapacityWh { get; init; } = 60_000;

    /// <summary>Seed for the EV state of charge and the fleet's random sessions; null = random.</summary>
    public int? RandomSeed { get; init; }
}
