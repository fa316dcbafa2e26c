using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V201;

// The enumerations of OCPP 2.0.1, members serialized as their exact OCPP strings.

/// <summary>Authentication method.</summary>
public enum APNAuthenticationEnum
{
    CHAP,
    NONE,
    PAP,
    AUTO,
}

/// <summary>Attribute type for which value is requested. When absent, default Actual is assumed.</summary>
public enum AttributeEnum
{
    Actual,
    Target,
    MinSet,
    MaxSet,
}

/// <summary>Current status of the ID Token.</summary>
public enum AuthorizationStatusEnum
{
    Accepted,
    Blocked,
    ConcurrentTx,
    Expired,
    Invalid,
    NoCredit,
    NotAllowedTypeEVSE,
    NotAtThisLocation,
    NotAtThisTime,
    Unknown,
}

/// <summary>Certificate status information. - if all certificates are valid: return 'Accepted'. - if one of the certificates was revoked, return 'CertificateRevoked'.</summary>
public enum AuthorizeCertificateStatusEnum
{
    Accepted,
    SignatureError,
    CertificateExpired,
    CertificateRevoked,
    NoCertificateAvailable,
    CertChainError,
    ContractCancelled,
}

/// <summary>This contains the reason for sending this message to the CSMS.</summary>
public enum BootReasonEnum
{
    ApplicationReset,
    FirmwareUpdate,
    LocalReset,
    PowerUp,
    RemoteReset,
    ScheduledReset,
    Triggered,
    Unknown,
    Watchdog,
}

/// <summary>This indicates the success or failure of the canceling of a reservation by CSMS.</summary>
public enum CancelReservationStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>Defines whether certificate needs to be installed or updated.</summary>
public enum CertificateActionEnum
{
    Install,
    Update,
}

/// <summary>Returns whether certificate signing has been accepted, otherwise rejected.</summary>
public enum CertificateSignedStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>Indicates the type of the signed certificate that is returned. When omitted the certificate is used for both the 15118 connection (if implemented) and the Charging Station to CSMS connection. This field is required when a typeOfCertificate was included in the SignCertificateRequest that requested …</summary>
public enum CertificateSigningUseEnum
{
    ChargingStationCertificate,
    V2GCertificate,
}

/// <summary>This indicates whether the Charging Station is able to perform the availability change.</summary>
public enum ChangeAvailabilityStatusEnum
{
    Accepted,
    Rejected,
    Scheduled,
}

/// <summary>Source of the charging limit.</summary>
public enum ChargingLimitSourceEnum
{
    EMS,
    Other,
    SO,
    CSO,
}

/// <summary>Indicates the kind of schedule.</summary>
public enum ChargingProfileKindEnum
{
    Absolute,
    Recurring,
    Relative,
}

/// <summary>Specifies to purpose of the charging profiles that will be cleared, if they meet the other criteria in the request.</summary>
public enum ChargingProfilePurposeEnum
{
    ChargingStationExternalConstraints,
    ChargingStationMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

/// <summary>Returns whether the Charging Station has been able to process the message successfully. This does not guarantee the schedule will be followed to the letter. There might be other constraints the Charging Station may need to take into account.</summary>
public enum ChargingProfileStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>Can be used to force a power or current profile.</summary>
public enum ChargingRateUnitEnum
{
    W,
    A,
}

/// <summary>Current charging state, is required when state has changed.</summary>
public enum ChargingStateEnum
{
    Charging,
    EVConnected,
    SuspendedEV,
    SuspendedEVSE,
    Idle,
}

/// <summary>Accepted if the Charging Station has executed the request, otherwise rejected.</summary>
public enum ClearCacheStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>Indicates if the Charging Station was able to execute the request.</summary>
public enum ClearChargingProfileStatusEnum
{
    Accepted,
    Unknown,
}

/// <summary>Returns whether the Charging Station has been able to remove the message.</summary>
public enum ClearMessageStatusEnum
{
    Accepted,
    Unknown,
}

/// <summary>Result of the clear request for this monitor, identified by its Id.</summary>
public enum ClearMonitoringStatusEnum
{
    Accepted,
    Rejected,
    NotFound,
}

/// <summary>OCPP 2.0.1 ComponentCriterionEnumType.</summary>
public enum ComponentCriterionEnum
{
    Active,
    Available,
    Enabled,
    Problem,
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

/// <summary>Indicates whether the request was accepted.</summary>
public enum CustomerInformationStatusEnum
{
    Accepted,
    Rejected,
    Invalid,
}

/// <summary>Data type of this variable.</summary>
public enum DataEnum
{
    [JsonStringEnumMemberName("string")]
    String,

    [JsonStringEnumMemberName("decimal")]
    Decimal,

    [JsonStringEnumMemberName("integer")]
    Integer,

    [JsonStringEnumMemberName("dateTime")]
    DateTime,

    [JsonStringEnumMemberName("boolean")]
    Boolean,

    OptionList,

    SequenceList,

    MemberList,
}

/// <summary>This indicates the success or failure of the data transfer.</summary>
public enum DataTransferStatusEnum
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}

/// <summary>Charging Station indicates if it can process the request.</summary>
public enum DeleteCertificateStatusEnum
{
    Accepted,
    Failed,
    NotFound,
}

/// <summary>This indicates whether the Charging Station is able to display the message.</summary>
public enum DisplayMessageStatusEnum
{
    Accepted,
    NotSupportedMessageFormat,
    Rejected,
    NotSupportedPriority,
    NotSupportedState,
    UnknownTransaction,
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

/// <summary>Specifies the event notification type of the message.</summary>
public enum EventNotificationEnum
{
    HardWiredNotification,
    HardWiredMonitor,
    PreconfiguredMonitor,
    CustomMonitor,
}

/// <summary>Type of monitor that triggered this event, e.g. exceeding a threshold value.</summary>
public enum EventTriggerEnum
{
    Alerting,
    Delta,
    Periodic,
}

/// <summary>This contains the progress status of the firmware installation.</summary>
public enum FirmwareStatusEnum
{
    Downloaded,
    DownloadFailed,
    Downloading,
    DownloadScheduled,
    DownloadPaused,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
    InstallRebooting,
    InstallScheduled,
    InstallVerificationFailed,
    InvalidSignature,
    SignatureVerified,
}

/// <summary>This indicates whether the Charging Station is able to accept this request.</summary>
public enum GenericDeviceModelStatusEnum
{
    Accepted,
    Rejected,
    NotSupported,
    EmptyResultSet,
}

/// <summary>The Charging Station will indicate if it was able to process the request</summary>
public enum GenericStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>OCPP 2.0.1 GetCertificateIdUseEnumType.</summary>
public enum GetCertificateIdUseEnum
{
    V2GRootCertificate,
    MORootCertificate,
    CSMSRootCertificate,
    V2GCertificateChain,
    ManufacturerRootCertificate,
}

/// <summary>This indicates whether the charging station was able to retrieve the OCSP certificate status.</summary>
public enum GetCertificateStatusEnum
{
    Accepted,
    Failed,
}

/// <summary>This indicates whether the Charging Station is able to process this request and will send ReportChargingProfilesRequest messages.</summary>
public enum GetChargingProfileStatusEnum
{
    Accepted,
    NoProfiles,
}

/// <summary>Indicates if the Charging Station has Display Messages that match the request criteria in the GetDisplayMessagesRequest</summary>
public enum GetDisplayMessagesStatusEnum
{
    Accepted,
    Unknown,
}

/// <summary>Charging Station indicates if it can process the request.</summary>
public enum GetInstalledCertificateStatusEnum
{
    Accepted,
    NotFound,
}

/// <summary>Result status of getting the variable.</summary>
public enum GetVariableStatusEnum
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
}

/// <summary>Used algorithms for the hashes provided.</summary>
public enum HashAlgorithmEnum
{
    SHA256,
    SHA384,
    SHA512,
}

/// <summary>Enumeration of possible idToken types.</summary>
public enum IdTokenEnum
{
    Central,

    [JsonStringEnumMemberName("eMAID")]
    EMAID,

    ISO14443,

    ISO15693,

    KeyCode,

    Local,

    MacAddress,

    NoAuthorization,
}

/// <summary>Charging Station indicates if installation was successful.</summary>
public enum InstallCertificateStatusEnum
{
    Accepted,
    Rejected,
    Failed,
}

/// <summary>Indicates the certificate type that is sent.</summary>
public enum InstallCertificateUseEnum
{
    V2GRootCertificate,
    MORootCertificate,
    CSMSRootCertificate,
    ManufacturerRootCertificate,
}

/// <summary>Indicates whether the message was processed properly.</summary>
public enum Iso15118EVCertificateStatusEnum
{
    Accepted,
    Failed,
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

/// <summary>This contains the type of log file that the Charging Station should send.</summary>
public enum LogEnum
{
    DiagnosticsLog,
    SecurityLog,
}

/// <summary>This field indicates whether the Charging Station was able to accept the request.</summary>
public enum LogStatusEnum
{
    Accepted,
    Rejected,
    AcceptedCanceled,
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

/// <summary>Format of the message.</summary>
public enum MessageFormatEnum
{
    ASCII,
    HTML,
    URI,
    UTF8,
}

/// <summary>If provided the Charging Station shall return Display Messages with the given priority only.</summary>
public enum MessagePriorityEnum
{
    AlwaysFront,
    InFront,
    NormalCycle,
}

/// <summary>If provided the Charging Station shall return Display Messages with the given state only.</summary>
public enum MessageStateEnum
{
    Charging,
    Faulted,
    Idle,
    Unavailable,
}

/// <summary>Type of message to be triggered.</summary>
public enum MessageTriggerEnum
{
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargingStationCertificate,
    SignV2GCertificate,
    StatusNotification,
    TransactionEvent,
    SignCombinedCertificate,
    PublishFirmwareStatusNotification,
}

/// <summary>The type of this monitor, e.g. a threshold, delta or periodic monitor.</summary>
public enum MonitorEnum
{
    UpperThreshold,
    LowerThreshold,
    Delta,
    Periodic,
    PeriodicClockAligned,
}

/// <summary>Specify which monitoring base will be set</summary>
public enum MonitoringBaseEnum
{
    All,
    FactoryDefault,
    HardWiredOnly,
}

/// <summary>OCPP 2.0.1 MonitoringCriterionEnumType.</summary>
public enum MonitoringCriterionEnum
{
    ThresholdMonitoring,
    DeltaMonitoring,
    PeriodicMonitoring,
}

/// <summary>Defines the mutability of this attribute. Default is ReadWrite when omitted.</summary>
public enum MutabilityEnum
{
    ReadOnly,
    WriteOnly,
    ReadWrite,
}

/// <summary>Returns whether the CSMS has been able to process the message successfully. It does not imply that the evChargingNeeds can be met with the current charging profile.</summary>
public enum NotifyEVChargingNeedsStatusEnum
{
    Accepted,
    Rejected,
    Processing,
}

/// <summary>Applicable Network Interface.</summary>
public enum OCPPInterfaceEnum
{
    Wired0,
    Wired1,
    Wired2,
    Wired3,
    Wireless0,
    Wireless1,
    Wireless2,
    Wireless3,
}

/// <summary>Defines the transport protocol (e.g. SOAP or JSON). Note: SOAP is not supported in OCPP 2.0, but is supported by other versions of OCPP.</summary>
public enum OCPPTransportEnum
{
    JSON,
    SOAP,
}

/// <summary>Defines the OCPP version used for this communication function.</summary>
public enum OCPPVersionEnum
{
    OCPP12,
    OCPP15,
    OCPP16,
    OCPP20,
}

/// <summary>This contains the type of availability change that the Charging Station should perform.</summary>
public enum OperationalStatusEnum
{
    Inoperative,
    Operative,
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

/// <summary>This contains the progress status of the publishfirmware installation.</summary>
public enum PublishFirmwareStatusEnum
{
    Idle,
    DownloadScheduled,
    Downloading,
    Downloaded,
    Published,
    DownloadFailed,
    DownloadPaused,
    InvalidChecksum,
    ChecksumVerified,
    PublishFailed,
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

/// <summary>Indicates the start point of a recurrence.</summary>
public enum RecurrencyKindEnum
{
    Daily,
    Weekly,
}

/// <summary>This contains whether the Charging Station has been registered within the CSMS.</summary>
public enum RegistrationStatusEnum
{
    Accepted,
    Pending,
    Rejected,
}

/// <summary>This field specifies the report base.</summary>
public enum ReportBaseEnum
{
    ConfigurationInventory,
    FullInventory,
    SummaryInventory,
}

/// <summary>Status indicating whether the Charging Station accepts the request to start a transaction.</summary>
public enum RequestStartStopStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>The updated reservation status.</summary>
public enum ReservationUpdateStatusEnum
{
    Expired,
    Removed,
}

/// <summary>This indicates the success or failure of the reservation.</summary>
public enum ReserveNowStatusEnum
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}

/// <summary>This contains the type of reset that the Charging Station or EVSE should perform.</summary>
public enum ResetEnum
{
    Immediate,
    OnIdle,
}

/// <summary>This indicates whether the Charging Station is able to perform the reset.</summary>
public enum ResetStatusEnum
{
    Accepted,
    Rejected,
    Scheduled,
}

/// <summary>This indicates whether the Charging Station has successfully received and applied the update of the Local Authorization List.</summary>
public enum SendLocalListStatusEnum
{
    Accepted,
    Failed,
    VersionMismatch,
}

/// <summary>Status is OK if a value could be returned. Otherwise this will indicate the reason why a value could not be returned.</summary>
public enum SetMonitoringStatusEnum
{
    Accepted,
    UnknownComponent,
    UnknownVariable,
    UnsupportedMonitorType,
    Rejected,
    Duplicate,
}

/// <summary>Result of operation.</summary>
public enum SetNetworkProfileStatusEnum
{
    Accepted,
    Rejected,
    Failed,
}

/// <summary>Result status of setting the variable.</summary>
public enum SetVariableStatusEnum
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
    RebootRequired,
}

/// <summary>This contains the type of this event. The first TransactionEvent of a transaction SHALL contain: "Started" The last TransactionEvent of a transaction SHALL contain: "Ended" All others SHALL contain: "Updated"</summary>
public enum TransactionEventEnum
{
    Ended,
    Started,
    Updated,
}

/// <summary>Indicates whether the Charging Station will send the requested notification or not.</summary>
public enum TriggerMessageStatusEnum
{
    Accepted,
    Rejected,
    NotImplemented,
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

/// <summary>Indicates whether the Local Controller succeeded in unpublishing the firmware.</summary>
public enum UnpublishFirmwareStatusEnum
{
    DownloadOngoing,
    NoFirmware,
    Unpublished,
}

/// <summary>This contains the type of update (full or differential) of this request.</summary>
public enum UpdateEnum
{
    Differential,
    Full,
}

/// <summary>This field indicates whether the Charging Station was able to accept the request.</summary>
public enum UpdateFirmwareStatusEnum
{
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate,
}

/// <summary>This contains the status of the log upload.</summary>
public enum UploadLogStatusEnum
{
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
    AcceptedCanceled,
}

/// <summary>Type of VPN</summary>
public enum VPNEnum
{
    IKEv2,
    IPSec,
    L2TP,
    PPTP,
}
