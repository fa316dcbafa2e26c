namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of Security, members serialized as their exact OCPP strings.

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

/// <summary>Charging Station indicates if it can process the request.</summary>
public enum DeleteCertificateStatusEnum
{
    Accepted,
    Failed,
    NotFound,
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

/// <summary>Charging Station indicates if it can process the request.</summary>
public enum GetInstalledCertificateStatusEnum
{
    Accepted,
    NotFound,
}

/// <summary>Used algorithms for the hashes provided.</summary>
public enum HashAlgorithmEnum
{
    SHA256,
    SHA384,
    SHA512,
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
