using System.ComponentModel.DataAnnotations;
using ChargePortal.Web.Stations;

namespace ChargePortal.Web.Ocpp;

public sealed class OcppOptions
{
    public const string Section = "Ocpp";

    /// <summary>Let unknown charge point ids connect and register themselves (Development default).</summary>
    public bool AllowUnknownStations { get; set; }

    /// <summary>Registration of a station that registered itself (AllowUnknownStations): Accepted, or Pending until an operator accepts it.</summary>
    public StationRegistrationStatus UnknownStationRegistration { get; set; } = StationRegistrationStatus.Accepted;

    /// <summary>
    /// The group (parent token) of master passes (2.0.1 C16, e.g. law enforcement): its tokens may stop any session and
    /// never start one. Stations are configured with the same value (AuthCtrlr.MasterPassGroupId). Empty: none.
    /// </summary>
    public string? MasterPassGroupId { get; set; }

    /// <summary>Heartbeat interval handed to stations at boot.</summary>
    [Range(1, 86_400)]
    public int HeartbeatIntervalSeconds { get; set; } = 300;

    /// <summary>Retry interval for stations whose registration is Pending or Rejected.</summary>
    [Range(1, 86_400)]
    public int PendingRetrySeconds { get; set; } = 60;

    /// <summary>Largest text frame accepted; a larger one is answered with a CALLERROR and discarded.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>WebSocket ping interval; 0 turns pings off.</summary>
    [Range(0, 3600)]
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>How long a CSMS→station call waits for the answer.</summary>
    [Range(1, 600)]
    public int CallTimeoutSeconds { get; set; } = 30;

    /// <summary>Days the OCPP message log is kept.</summary>
    [Range(1, 3650)]
    public int MessageLogRetentionDays { get; set; } = 30;

    /// <summary>Most frames waiting to be written to the message log; past it the oldest are dropped (and counted).</summary>
    [Range(1, 10_000_000)]
    public int MessageLogQueueLimit { get; set; } = 100_000;

    /// <summary>Most frame text, in MB, waiting to be written to the message log; past it the oldest are dropped.</summary>
    [Range(1, 4096)]
    public int MessageLogQueueMegabytes { get; set; } = 64;

    /// <summary>
    /// Most stations connecting at once, from the upgrade request until their first BootNotification is answered; more
    /// wait their turn (see <c>StationAdmission</c>), so a reconnect storm keeps every answer's latency bounded.
    /// </summary>
    [Range(1, 100_000)]
    public int AdmissionConcurrency { get; set; } = 500;

    /// <summary>Most stations waiting for a turn to connect; past it a station is answered 503 with Retry-After.</summary>
    [Range(0, 1_000_000)]
    public int AdmissionQueueLimit { get; set; } = 100_000;

    /// <summary>Longest a connecting station holds its turn without having its BootNotification answered.</summary>
    [Range(1, 600)]
    public int AdmissionHoldSeconds { get; set; } = 10;

    /// <summary>Ask a 2.0.1 station that boots for the first time or changed (vendor, model, serial, firmware) for its full device model.</summary>
    public bool BaseReportOnBoot { get; set; } = true;

    /// <summary>PEM file of the CA(s) whose client certificates are trusted for security profile 3.</summary>
    public string? ClientCertificateAuthorityPath { get; set; }

    /// <summary>PEM or DER file of CRLs signed by those CAs; a listed certificate is refused at the handshake (re-read when the file changes).</summary>
    public string? ClientCertificateRevocationListPath { get; set; }
}
