using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of Transactions, members serialized as their exact OCPP strings.

/// <summary>Current charging state, is required when state has changed.</summary>
public enum ChargingStateEnum
{
    Charging,
    EVConnected,
    SuspendedEV,
    SuspendedEVSE,
    Idle,
}

/// <summary>This field specifies the connector type.</summary>
public enum ConnectorEnum
{
    [JsonStringEnumMemberName("cCCS1")]
    CCCS1,

    [JsonStringEnumMemberName("cCCS2")]
    CCCS2,

    [JsonStringEnumMemberName("cG105")]
    CG105,

    [JsonStringEnumMemberName("cTesla")]
    CTesla,

    [JsonStringEnumMemberName("cType1")]
    CType1,

    [JsonStringEnumMemberName("cType2")]
    CType2,

    [JsonStringEnumMemberName("s309-1P-16A")]
    S3091P16A,

    [JsonStringEnumMemberName("s309-1P-32A")]
    S3091P32A,

    [JsonStringEnumMemberName("s309-3P-16A")]
    S3093P16A,

    [JsonStringEnumMemberName("s309-3P-32A")]
    S3093P32A,

    [JsonStringEnumMemberName("sBS1361")]
    SBS1361,

    [JsonStringEnumMemberName("sCEE-7-7")]
    SCEE77,

    [JsonStringEnumMemberName("sType2")]
    SType2,

    [JsonStringEnumMemberName("sType3")]
    SType3,

    Other1PhMax16A,

    Other1PhOver16A,

    Other3Ph,

    Pan,

    [JsonStringEnumMemberName("wInductive")]
    WInductive,

    [JsonStringEnumMemberName("wResonant")]
    WResonant,

    Undetermined,

    Unknown,
}

/// <summary>This contains the current status of the Connector.</summary>
public enum ConnectorStatusEnum
{
    Available,
    Occupied,
    Reserved,
    Unavailable,
    Faulted,
}

/// <summary>The kind of cost referred to in the message element amount</summary>
public enum CostKindEnum
{
    CarbonDioxideEmission,
    RelativePricePercentage,
    RenewableGenerationPercentage,
}

/// <summary>Mode of energy transfer requested by the EV.</summary>
public enum EnergyTransferModeEnum
{
    DC,

    [JsonStringEnumMemberName("AC_single_phase")]
    ACSinglePhase,

    [JsonStringEnumMemberName("AC_two_phase")]
    ACTwoPhase,

    [JsonStringEnumMemberName("AC_three_phase")]
    ACThreePhase,
}

/// <summary>Indicates where the measured value has been sampled. Default = "Outlet"</summary>
public enum LocationEnum
{
    Body,
    Cable,
    EV,
    Inlet,
    Outlet,
}

/// <summary>Type of measurement. Default = "Energy.Active.Import.Register"</summary>
public enum MeasurandEnum
{
    [JsonStringEnumMemberName("Current.Export")]
    CurrentExport,

    [JsonStringEnumMemberName("Current.Import")]
    CurrentImport,

    [JsonStringEnumMemberName("Current.Offered")]
    CurrentOffered,

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

    [JsonStringEnumMemberName("Energy.Active.Net")]
    EnergyActiveNet,

    [JsonStringEnumMemberName("Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,

    [JsonStringEnumMemberName("Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,

    [JsonStringEnumMemberName("Energy.Reactive.Net")]
    EnergyReactiveNet,

    [JsonStringEnumMemberName("Energy.Apparent.Net")]
    EnergyApparentNet,

    [JsonStringEnumMemberName("Energy.Apparent.Import")]
    EnergyApparentImport,

    [JsonStringEnumMemberName("Energy.Apparent.Export")]
    EnergyApparentExport,

    Frequency,

    [JsonStringEnumMemberName("Power.Active.Export")]
    PowerActiveExport,

    [JsonStringEnumMemberName("Power.Active.Import")]
    PowerActiveImport,

    [JsonStringEnumMemberName("Power.Factor")]
    PowerFactor,

    [JsonStringEnumMemberName("Power.Offered")]
    PowerOffered,

    [JsonStringEnumMemberName("Power.Reactive.Export")]
    PowerReactiveExport,

    [JsonStringEnumMemberName("Power.Reactive.Import")]
    PowerReactiveImport,

    SoC,

    Voltage,
}

/// <summary>Indicates how the measured value is to be interpreted. For instance between L1 and neutral (L1-N) Please note that not all values of phase are applicable to all Measurands. When phase is absent, the measured value is interpreted as an overall value.</summary>
public enum PhaseEnum
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

/// <summary>Type of detail value: start, end or sample. Default = "Sample.Periodic"</summary>
public enum ReadingContextEnum
{
    [JsonStringEnumMemberName("Interruption.Begin")]
    InterruptionBegin,

    [JsonStringEnumMemberName("Interruption.End")]
    InterruptionEnd,

    Other,

    [JsonStringEnumMemberName("Sample.Clock")]
    SampleClock,

    [JsonStringEnumMemberName("Sample.Periodic")]
    SamplePeriodic,

    [JsonStringEnumMemberName("Transaction.Begin")]
    TransactionBegin,

    [JsonStringEnumMemberName("Transaction.End")]
    TransactionEnd,

    Trigger,
}

/// <summary>This contains the reason why the transaction was stopped. MAY only be omitted when Reason is "Local".</summary>
public enum ReasonEnum
{
    DeAuthorized,
    EmergencyStop,
    EnergyLimitReached,
    EVDisconnected,
    GroundFault,
    ImmediateReset,
    Local,
    LocalOutOfCredit,
    MasterPass,
    Other,
    OvercurrentFault,
    PowerLoss,
    PowerQuality,
    Reboot,
    Remote,
    SOCLimitReached,
    StoppedByEV,
    TimeLimitReached,
    Timeout,
}

/// <summary>This contains the type of this event. The first TransactionEvent of a transaction SHALL contain: "Started" The last TransactionEvent of a transaction SHALL contain: "Ended" All others SHALL contain: "Updated"</summary>
public enum TransactionEventEnum
{
    Ended,
    Started,
    Updated,
}

/// <summary>Reason the Charging Station sends this message to the CSMS</summary>
public enum TriggerReasonEnum
{
    Authorized,
    CablePluggedIn,
    ChargingRateChanged,
    ChargingStateChanged,
    Deauthorized,
    EnergyLimitReached,
    EVCommunicationLost,
    EVConnectTimeout,
    MeterValueClock,
    MeterValuePeriodic,
    TimeLimitReached,
    Trigger,
    UnlockCommand,
    StopAuthorized,
    EVDeparted,
    EVDetected,
    RemoteStop,
    RemoteStart,
    AbnormalCondition,
    SignedDataReceived,
    ResetCommand,
}

/// <summary>This indicates whether the Charging Station has unlocked the connector.</summary>
public enum UnlockStatusEnum
{
    Unlocked,
    UnlockFailed,
    OngoingAuthorizedTransaction,
    UnknownConnector,
}
