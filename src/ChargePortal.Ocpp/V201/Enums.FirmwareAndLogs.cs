namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of FirmwareAndLogs, members serialized as their exact OCPP strings.

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

/// <summary>Indicates whether the Local Controller succeeded in unpublishing the firmware.</summary>
public enum UnpublishFirmwareStatusEnum
{
    DownloadOngoing,
    NoFirmware,
    Unpublished,
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
