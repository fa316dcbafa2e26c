using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Tests.Ocpp.Commands;

public sealed class StationCommandNameTests
{
    private static readonly string[] DesignNames =
    [
        "remote-start", "remote-stop", "unlock", "reset", "change-availability", "get-configuration", "set-configuration",
        "trigger-message", "reserve-now", "cancel-reservation", "set-charging-profile", "clear-charging-profile",
        "get-composite-schedule", "update-firmware", "get-diagnostics", "send-local-list", "get-local-list-version",
        "clear-cache", "data-transfer",

        // Beyond the design's nineteen: the CSMS's own CostUpdated (I02), sendable by hand too.
        "cost-updated",

        // 2.0.1 variable monitoring (N02–N06).
        "set-variable-monitoring", "clear-variable-monitoring", "set-monitoring-base", "set-monitoring-level", "get-monitoring-report",
        // Certificate management (2.0.1 blocks A and M, 1.6 Security Whitepaper).
        "certificate-signed", "install-certificate", "delete-certificate", "get-installed-certificate-ids",

        // 2.0.1 GetTransactionStatus (E14): what the CSMS asks after a seqNo gap, sendable by hand too.
        "get-transaction-status",

        // 2.0.1 GetChargingProfiles (K09): the station reports its installed profiles.
        "get-charging-profiles",

        // 2.0.1 SetNetworkProfile (B09): audited under this name, sent by POST /api/stations/{id}/network-profiles only.
        "set-network-profile",

        // 2.0.1 PublishFirmware / UnpublishFirmware (L03/L04, local controllers).
        "publish-firmware", "unpublish-firmware",
        // 2.0.1 display messages (block O) and customer information (N09/N10).
        "set-display-message", "get-display-messages", "clear-display-message", "customer-information",
    ];

    [Fact]
    public void The_commands_of_the_design_parse_and_round_trip()
    {
        StationCommandNames.All.Select(c => c.RouteName()).ShouldBe(DesignNames);
        foreach (var name in DesignNames)
        {
            StationCommandNames.TryParse(name, out var command).ShouldBeTrue(name);
            command.RouteName().ShouldBe(name);
        }
    }

    [Theory]
    [InlineData("Remote-Start")]
    [InlineData("remote_start")]
    [InlineData("RemoteStart")]
    [InlineData("reboot")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_does_not_parse(string? name)
        => StationCommandNames.TryParse(name, out _).ShouldBeFalse();
}
