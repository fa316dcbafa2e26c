using ChargePortal.Web.Alerts;

namespace ChargePortal.Web.Operators.Firmware;

/// <summary>Which firmware answers and statuses (both versions, signed or not) mean the update failed, and their alert.</summary>
public static class FirmwareFailures
{
    /// <summary>2.0.1 UpdateFirmwareStatusEnum and 1.6 SignedUpdateFirmware's: the station would not trust the signing certificate.</summary>
    private static readonly HashSet<string> RefusedCertificate = new(StringComparer.Ordinal) { "InvalidCertificate", "RevokedCertificate" };

    /// <summary>Failure end states of FirmwareStatusNotification (2.0.1) and SignedFirmwareStatusNotification (1.6).</summary>
    private static readonly HashSet<string> FailedStatuses = new(StringComparer.Ordinal)
    {
        "InvalidSignature", "InstallVerificationFailed", "DownloadFailed", "InstallationFailed",
    };

    public static bool IsRefusedCertificate(string answer) => RefusedCertificate.Contains(answer);

    public static bool IsFailure(string status) => FailedStatuses.Contains(status);

    /// <summary>One alert per update (the subject), so a station repeating its status does not pile them up.</summary>
    public static AlertRequest Alert(string stationId, int updateId, string message) =>
        new(AlertKind.FirmwareFailed, stationId, 0, 0, message, Subject: $"firmware-update-{updateId}");
}
