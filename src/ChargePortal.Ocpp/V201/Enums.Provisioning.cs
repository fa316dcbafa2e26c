namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of Provisioning, members serialized as their exact OCPP strings.

/// <summary>Authentication method.</summary>
public enum APNAuthenticationEnum
{
    CHAP,
    NONE,
    PAP,
    AUTO,
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

/// <summary>This indicates whether the Charging Station is able to perform the availability change.</summary>
public enum ChangeAvailabilityStatusEnum
{
    Accepted,
    Rejected,
    Scheduled,
}

/// <summary>This indicates the success or failure of the data transfer.</summary>
public enum DataTransferStatusEnum
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}

/// <summary>The Charging Station will indicate if it was able to process the request</summary>
public enum GenericStatusEnum
{
    Accepted,
    Rejected,
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

/// <summary>This contains whether the Charging Station has been registered within the CSMS.</summary>
public enum RegistrationStatusEnum
{
    Accepted,
    Pending,
    Rejected,
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

/// <summary>Result of operation.</summary>
public enum SetNetworkProfileStatusEnum
{
    Accepted,
    Rejected,
    Failed,
}

/// <summary>Indicates whether the Charging Station will send the requested notification or not.</summary>
public enum TriggerMessageStatusEnum
{
    Accepted,
    Rejected,
    NotImplemented,
}

/// <summary>Type of VPN</summary>
public enum VPNEnum
{
    IKEv2,
    IPSec,
    L2TP,
    PPTP,
}
