using System.Text.Json;

namespace ChargePortal.Simulator;

/// <summary>Version-neutral connector status (1.6 names; 2.0.1 reports Preparing/Charging/Suspended*/Finishing as Occupied).</summary>
public enum ConnectorStatus
{
    Available,
    Preparing,
    Charging,
    SuspendedEVSE,
    SuspendedEV,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
}

/// <summary>Why a session ends (mapped to 1.6 Reason / 2.0.1 ReasonEnum).</summary>
public enum StopReason
{
    Local,
    Remote,
    EVDisconnected,
    DeAuthorized,
    EmergencyStop,
    PowerLoss,
    Reboot,
    HardReset,
    SoftReset,
    UnlockCommand,
    Other,
}

public enum ChargePointConnectionState
{
    Stopped,
    Connecting,
    Connected,

    /// <summary>Connected and the BootNotification was accepted: messages flow.</summary>
    Ready,
}

/// <summary>
/// A running charging session as the station sees it. TransactionId is, in 1.6, the CSMS's id once StartTransaction was
/// answered (null before) and, in 2.0.1, the station's id. EnergyWh is the energy of this session so far; MeterWh is the
/// connector's Energy.Active.Import.Register; PowerW the power drawn now.
/// </summary>
public sealed record TransactionSnapshot(
    string? TransactionId,
    int ConnectorId,
    string IdTag,
    DateTimeOffset StartedAt,
    int MeterStartWh,
    int EnergyWh,
    int MeterWh,
    int PowerW,
    double StateOfCharge,
    int? RemoteStartId,
    int? ReservationId);

public sealed record ReservationSnapshot(int ReservationId, string IdTag, DateTimeOffset ExpiresAt);

public sealed record ConnectorSnapshot(
    int ConnectorId,
    SimulatedConnectorType Type,
    int MaxPowerW,
    ConnectorStatus Status,
    bool Operative,
    TransactionSnapshot? Transaction,
    ReservationSnapshot? Reservation,
    int? PowerLimitW);

/// <summary>A CALL the CSMS sent.</summary>
public sealed record ReceivedCommand(string Action, JsonElement Payload, DateTimeOffset ReceivedAt);

public enum ChargePointChangeKind
{
    Connection,
    Registration,
    ConnectorStatus,
    TransactionStarted,
    TransactionUpdated,
    TransactionStopped,
    Configuration,
    CommandReceived,
    Reservation,
    ChargingProfile,
    Firmware,
    Diagnostics,
    LocalList,
}

/// <summary>Raised by <see cref="SimulatedChargePoint.Changed"/> for every observable change.</summary>
public sealed record ChargePointChange(string ChargePointId, ChargePointChangeKind Kind, int? ConnectorId, string Description);
