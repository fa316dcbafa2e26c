namespace ChargePortal.Ocpp.V16;

// The OCPP 1.6 enumerations of Operations, members serialized as their exact OCPP strings.

/// <summary>OCPP 1.6 AvailabilityStatus values.</summary>
public enum AvailabilityStatus
{
    Accepted,
    Rejected,
    Scheduled,
}

/// <summary>OCPP 1.6 AvailabilityType values.</summary>
public enum AvailabilityType
{
    Inoperative,
    Operative,
}

/// <summary>OCPP 1.6 ChargingProfileKind values.</summary>
public enum ChargingProfileKind
{
    Absolute,
    Recurring,
    Relative,
}

/// <summary>OCPP 1.6 ChargingProfilePurpose values.</summary>
public enum ChargingProfilePurpose
{
    ChargePointMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

/// <summary>OCPP 1.6 ChargingProfileStatus values.</summary>
public enum ChargingProfileStatus
{
    Accepted,
    Rejected,
    NotSupported,
}

/// <summary>OCPP 1.6 ChargingRateUnit values.</summary>
public enum ChargingRateUnit
{
    A,
    W,
}

/// <summary>OCPP 1.6 ClearChargingProfileStatus values.</summary>
public enum ClearChargingProfileStatus
{
    Accepted,
    Unknown,
}

/// <summary>OCPP 1.6 ConfigurationStatus values.</summary>
public enum ConfigurationStatus
{
    Accepted,
    Rejected,
    RebootRequired,
    NotSupported,
}

/// <summary>OCPP 1.6 DataTransferStatus values.</summary>
public enum DataTransferStatus
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}

/// <summary>OCPP 1.6 DiagnosticsStatus values.</summary>
public enum DiagnosticsStatus
{
    Idle,
    Uploaded,
    UploadFailed,
    Uploading,
}

/// <summary>OCPP 1.6 FirmwareStatus values.</summary>
public enum FirmwareStatus
{
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
}

/// <summary>OCPP 1.6 GetCompositeScheduleStatus values.</summary>
public enum GetCompositeScheduleStatus
{
    Accepted,
    Rejected,
}

/// <summary>OCPP 1.6 MessageTrigger values.</summary>
public enum MessageTrigger
{
    BootNotification,
    DiagnosticsStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    StatusNotification,
}

/// <summary>OCPP 1.6 RecurrencyKind values.</summary>
public enum RecurrencyKind
{
    Daily,
    Weekly,
}

/// <summary>OCPP 1.6 RegistrationStatus values.</summary>
public enum RegistrationStatus
{
    Accepted,
    Pending,
    Rejected,
}

/// <summary>OCPP 1.6 ResetStatus values.</summary>
public enum ResetStatus
{
    Accepted,
    Rejected,
}

/// <summary>OCPP 1.6 ResetType values.</summary>
public enum ResetType
{
    Hard,
    Soft,
}

/// <summary>OCPP 1.6 TriggerMessageStatus values.</summary>
public enum TriggerMessageStatus
{
    Accepted,
    Rejected,
    NotImplemented,
}
