using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>The CSMS→station commands of the HTTP API, named the same for OCPP 1.6 and 2.0.1 (DESIGN.md).</summary>
public enum StationCommandName
{
    RemoteStart,
    RemoteStop,
    Unlock,
    Reset,
    ChangeAvailability,
    GetConfiguration,
    SetConfiguration,
    TriggerMessage,
    ReserveNow,
    CancelReservation,
    SetChargingProfile,
    ClearChargingProfile,
    GetCompositeSchedule,
    UpdateFirmware,
    GetDiagnostics,
    SendLocalList,
    GetLocalListVersion,
    ClearCache,
    DataTransfer,

    /// <summary>2.0.1 CostUpdated: the running cost of a transaction, which the CSMS also sends on its own.</summary>
    CostUpdated,

    /// <summary>2.0.1 variable monitoring (N02–N06).</summary>
    SetVariableMonitoring,
    ClearVariableMonitoring,
    SetMonitoringBase,
    SetMonitoringLevel,
    GetMonitoringReport,
    /// <summary>Certificate management (2.0.1 A02/A03/M03–M05, 1.6 Security Whitepaper).</summary>
    CertificateSigned,
    InstallCertificate,
    DeleteCertificate,
    GetInstalledCertificateIds,
    /// <summary>2.0.1 GetTransactionStatus (E14): whether a transaction is ongoing and messages about it are queued.</summary>
    GetTransactionStatus,

    /// <summary>2.0.1 GetChargingProfiles (K09): the station reports its installed profiles in ReportChargingProfiles.</summary>
    GetChargingProfiles,

    /// <summary>
    /// 2.0.1 SetNetworkProfile (B09). Sent only by <c>POST /api/stations/{id}/network-profiles</c>, which checks the security
    /// profile and sends the follow-up NetworkConfigurationPriority and Reset (A05); the command route refuses it.
    /// </summary>
    SetNetworkProfile,

    /// <summary>2.0.1 PublishFirmware / UnpublishFirmware (L03/L04): a local controller serving an image to its stations.</summary>
    PublishFirmware,
    UnpublishFirmware,
    /// <summary>2.0.1 display messages (block O).</summary>
    SetDisplayMessage,
    GetDisplayMessages,
    ClearDisplayMessage,

    /// <summary>2.0.1 CustomerInformation (N09/N10): report and/or clear a customer's data on the station.</summary>
    CustomerInformation,
}

/// <summary>The route names of <see cref="StationCommandName"/> (<c>remote-start</c> …) and their parsing.</summary>
public static class StationCommandNames
{
    private static readonly FrozenDictionary<StationCommandName, string> RouteNames = new Dictionary<StationCommandName, string>
    {
        [StationCommandName.RemoteStart] = "remote-start",
        [StationCommandName.RemoteStop] = "remote-stop",
        [StationCommandName.Unlock] = "unlock",
        [StationCommandName.Reset] = "reset",
        [StationCommandName.ChangeAvailability] = "change-availability",
        [StationCommandName.GetConfiguration] = "get-configuration",
        [StationCommandName.SetConfiguration] = "set-configuration",
        [StationCommandName.TriggerMessage] = "trigger-message",
        [StationCommandName.ReserveNow] = "reserve-now",
        [StationCommandName.CancelReservation] = "cancel-reservation",
        [StationCommandName.SetChargingProfile] = "set-charging-profile",
        [StationCommandName.ClearChargingProfile] = "clear-charging-profile",
        [StationCommandName.GetCompositeSchedule] = "get-composite-schedule",
        [StationCommandName.UpdateFirmware] = "update-firmware",
        [StationCommandName.GetDiagnostics] = "get-diagnostics",
        [StationCommandName.SendLocalList] = "send-local-list",
        [StationCommandName.GetLocalListVersion] = "get-local-list-version",
        [StationCommandName.ClearCache] = "clear-cache",
        [StationCommandName.DataTransfer] = "data-transfer",
        [StationCommandName.CostUpdated] = "cost-updated",
        [StationCommandName.SetVariableMonitoring] = "set-variable-monitoring",
        [StationCommandName.ClearVariableMonitoring] = "clear-variable-monitoring",
        [StationCommandName.SetMonitoringBase] = "set-monitoring-base",
        [StationCommandName.SetMonitoringLevel] = "set-monitoring-level",
        [StationCommandName.GetMonitoringReport] = "get-monitoring-report",
        [StationCommandName.CertificateSigned] = "certificate-signed",
        [StationCommandName.InstallCertificate] = "install-certificate",
        [StationCommandName.DeleteCertificate] = "delete-certificate",
        [StationCommandName.GetInstalledCertificateIds] = "get-installed-certificate-ids",
        [StationCommandName.GetTransactionStatus] = "get-transaction-status",
        [StationCommandName.GetChargingProfiles] = "get-charging-profiles",
        [StationCommandName.SetNetworkProfile] = "set-network-profile",
        [StationCommandName.PublishFirmware] = "publish-firmware",
        [StationCommandName.UnpublishFirmware] = "unpublish-firmware",
        [StationCommandName.SetDisplayMessage] = "set-display-message",
        [StationCommandName.GetDisplayMessages] = "get-display-messages",
        [StationCommandName.ClearDisplayMessage] = "clear-display-message",
        [StationCommandName.CustomerInformation] = "customer-information",
    }.ToFrozenDictionary();

    // Route segments are matched exactly (lower-case kebab), like the rest of the API's paths.
    private static readonly FrozenDictionary<string, StationCommandName> ByRouteName
        = RouteNames.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every command, in the order DESIGN.md lists them.</summary>
    public static IReadOnlyList<StationCommandName> All { get; } = Enum.GetValues<StationCommandName>();

    /// <summary>The route segment of <paramref name="command"/>, e.g. <c>remote-start</c>.</summary>
    public static string RouteName(this StationCommandName command)
        => RouteNames.TryGetValue(command, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(command));

    /// <summary>Parses a route segment such as <c>remote-start</c>; false for anything else (the host answers 404/400).</summary>
    public static bool TryParse([NotNullWhen(true)] string? routeName, out StationCommandName command)
    {
        if (routeName is not null && ByRouteName.TryGetValue(routeName, out command))
        {
            return true;
        }

        command = default;
        return false;
    }
}
