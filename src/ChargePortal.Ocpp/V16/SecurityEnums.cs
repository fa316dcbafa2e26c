namespace ChargePortal.Ocpp.V16;

// The enumerations the Security Whitepaper (edition 2) adds to OCPP 1.6, members serialized as their exact OCPP strings.
// Where a whitepaper enum shares a name with a 1.6 one but has other values, the C# name says what differs.

/// <summary>CertificateSignedStatusEnumType.</summary>
public enum CertificateSignedStatus
{
    Accepted,
    Rejected,
}

/// <summary>CertificateUseEnumType: the root certificates a Charge Point keeps.</summary>
public enum CertificateUse
{
    CentralSystemRootCertificate,
    ManufacturerRootCertificate,
}

/// <summary>DeleteCertificateStatusEnumType.</summary>
public enum DeleteCertificateStatus
{
    Accepted,
    Failed,
    NotFound,
}

/// <summary>The whitepaper's MessageTriggerEnumType of ExtendedTriggerMessage (1.6's MessageTrigger plus LogStatusNotification, SignChargePointCertificate).</summary>
public enum ExtendedMessageTrigger
{
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargePointCertificate,
    StatusNotification,
}

/// <summary>GenericStatusEnumType.</summary>
public enum GenericStatus
{
    Accepted,
    Rejected,
}

/// <summary>GetInstalledCertificateStatusEnumType.</summary>
public enum GetInstalledCertificateStatus
{
    Accepted,
    NotFound,
}

/// <summary>HashAlgorithmEnumType.</summary>
public enum HashAlgorithm
{
    SHA256,
    SHA384,
    SHA512,
}

/// <summary>InstallCertificateStatusEnumType.</summary>
public enum InstallCertificateStatus
{
    Accepted,
    Failed,
    Rejected,
}

/// <summary>LogEnumType.</summary>
public enum LogType
{
    DiagnosticsLog,
    SecurityLog,
}

/// <summary>LogStatusEnumType.</summary>
public enum LogStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
}

/// <summary>The whitepaper's FirmwareStatusEnumType of SignedFirmwareStatusNotification (1.6's FirmwareStatus plus the signed-firmware states).</summary>
public enum SignedFirmwareStatus
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

/// <summary>UpdateFirmwareStatusEnumType of SignedUpdateFirmware.</summary>
public enum UpdateFirmwareStatus
{
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate,
}

/// <summary>UploadLogStatusEnumType.</summary>
public enum UploadLogStatus
{
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
}
