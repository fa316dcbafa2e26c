using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of Authorization, members serialized as their exact OCPP strings.

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

/// <summary>This indicates the success or failure of the canceling of a reservation by CSMS.</summary>
public enum CancelReservationStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>Accepted if the Charging Station has executed the request, otherwise rejected.</summary>
public enum ClearCacheStatusEnum
{
    Accepted,
    Rejected,
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

/// <summary>This indicates whether the Charging Station has successfully received and applied the update of the Local Authorization List.</summary>
public enum SendLocalListStatusEnum
{
    Accepted,
    Failed,
    VersionMismatch,
}

/// <summary>This contains the type of update (full or differential) of this request.</summary>
public enum UpdateEnum
{
    Differential,
    Full,
}
