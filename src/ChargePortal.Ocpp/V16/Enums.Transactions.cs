using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

// The OCPP 1.6 enumerations of Transactions, members serialized as their exact OCPP strings.

/// <summary>OCPP 1.6 AuthorizationStatus values.</summary>
public enum AuthorizationStatus
{
    Accepted,
    Blocked,
    Expired,
    Invalid,
    ConcurrentTx,
}

/// <summary>OCPP 1.6 CancelReservationStatus values.</summary>
public enum CancelReservationStatus
{
    Accepted,
    Rejected,
}

/// <summary>OCPP 1.6 ChargePointErrorCode values.</summary>
public enum ChargePointErrorCode
{
    ConnectorLockFailure,
    EVCommunicationError,
    GroundFailure,
    HighTemperature,
    InternalError,
    LocalListConflict,
    NoError,
    OtherError,
    OverCurrentFailure,
    PowerMeterFailure,
    PowerSwitchFailure,
    ReaderFailure,
    ResetFailure,
    UnderVoltage,
    OverVoltage,
    WeakSignal,
}

/// <summary>OCPP 1.6 ChargePointStatus values.</summary>
public enum ChargePointStatus
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

/// <summary>OCPP 1.6 ClearCacheStatus values.</summary>
public enum ClearCacheStatus
{
    Accepted,
    Rejected,
}

/// <summary>OCPP 1.6 Location values.</summary>
public enum Location
{
    Cable,
    EV,
    Inlet,
    Outlet,
    Body,
}

/// <summary>OCPP 1.6 Measurand values.</summary>
public enum Measurand
{
    [JsonStringEnumMemberName("Energy.Active.Export.Register")]
    EnergyActiveExportRegister,

    [JsonStringEnumMemberName("Energy.Active.Import.Register")]
    EnergyActiveImportRegister,

    [JsonStringEnumMemberName("Energy.Reactive.Export.Register")]
    EnergyReactiveExportRegister,

    [JsonStringEnumMemberName("Energy.Reactive.Import.Register")]
    EnergyReactiveImportRegister,

    [JsonStringEnumMemberName("Energy.Active.Export.Interval")]
    EnergyActiveExportInterval,

    [JsonStringEnumMemberName("Energy.Active.Import.Interval")]
    EnergyActiveImportInterval,

    [JsonStringEnumMemberName("Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,

    [JsonStringEnumMemberName("Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,

    [JsonStringEnumMemberName("Power.Active.Export")]
    PowerActiveExport,

    [JsonStringEnumMemberName("Power.Active.Import")]
    PowerActiveImport,

    [JsonStringEnumMemberName("Power.Offered")]
    PowerOffered,

    [JsonStringEnumMemberName("Power.Reactive.Export")]
    PowerReactiveExport,

    [JsonStringEnumMemberName("Power.Reactive.Import")]
    PowerReactiveImport,

    [JsonStringEnumMemberName("Power.Factor")]
    PowerFactor,

    [JsonStringEnumMemberName("Current.Import")]
    CurrentImport,

    [JsonStringEnumMemberName("Current.Export")]
    CurrentExport,

    [JsonStringEnumMemberName("Current.Offered")]
    CurrentOffered,

    Voltage,

    Frequency,

    Temperature,

    SoC,

    RPM,
}

/// <summary>OCPP 1.6 Phase values.</summary>
public enum Phase
{
    L1,

    L2,

    L3,

    N,

    [JsonStringEnumMemberName("L1-N")]
    L1N,

    [JsonStringEnumMemberName("L2-N")]
    L2N,

    [JsonStringEnumMemberName("L3-N")]
    L3N,

    [JsonStringEnumMemberName("L1-L2")]
    L1L2,

    [JsonStringEnumMemberName("L2-L3")]
    L2L3,

    [JsonStringEnumMemberName("L3-L1")]
    L3L1,
}

/// <summary>OCPP 1.6 ReadingContext values.</summary>
public enum ReadingContext
{
    [JsonStringEnumMemberName("Interruption.Begin")]
    InterruptionBegin,

    [JsonStringEnumMemberName("Interruption.End")]
    InterruptionEnd,

    [JsonStringEnumMemberName("Sample.Clock")]
    SampleClock,

    [JsonStringEnumMemberName("Sample.Periodic")]
    SamplePeriodic,

    [JsonStringEnumMemberName("Transaction.Begin")]
    TransactionBegin,

    [JsonStringEnumMemberName("Transaction.End")]
    TransactionEnd,

    Trigger,

    Other,
}

/// <summary>OCPP 1.6 Reason values.</summary>
public enum Reason
{
    EmergencyStop,
    EVDisconnected,
    HardReset,
    Local,
    Other,
    PowerLoss,
    Reboot,
    Remote,
    SoftReset,
    UnlockCommand,
    DeAuthorized,
}

/// <summary>OCPP 1.6 RemoteStartStopStatus values.</summary>
public enum RemoteStartStopStatus
{
    Accepted,
    Rejected,
}

/// <summary>OCPP 1.6 ReservationStatus values.</summary>
public enum ReservationStatus
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}

/// <summary>OCPP 1.6 UnitOfMeasure values.</summary>
public enum UnitOfMeasure
{
    Wh,

    [JsonStringEnumMemberName("kWh")]
    KWh,

    [JsonStringEnumMemberName("varh")]
    Varh,

    [JsonStringEnumMemberName("kvarh")]
    Kvarh,

    W,

    [JsonStringEnumMemberName("kW")]
    KW,

    VA,

    [JsonStringEnumMemberName("kVA")]
    KVA,

    [JsonStringEnumMemberName("var")]
    Var,

    [JsonStringEnumMemberName("kvar")]
    Kvar,

    A,

    V,

    K,

    Celcius,

    Celsius,

    Fahrenheit,

    Percent,
}

/// <summary>OCPP 1.6 UnlockStatus values.</summary>
public enum UnlockStatus
{
    Unlocked,
    UnlockFailed,
    NotSupported,
}

/// <summary>OCPP 1.6 UpdateStatus values.</summary>
public enum UpdateStatus
{
    Accepted,
    Failed,
    NotSupported,
    VersionMismatch,
}

/// <summary>OCPP 1.6 UpdateType values.</summary>
public enum UpdateType
{
    Differential,
    Full,
}

/// <summary>OCPP 1.6 ValueFormat values.</summary>
public enum ValueFormat
{
    Raw,
    SignedData,
}
