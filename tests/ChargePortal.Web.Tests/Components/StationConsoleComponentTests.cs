using System.Text.Json.Nodes;
using Bunit;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Operators.Console;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

public sealed class StationConsoleComponentTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public StationConsoleComponentTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Connector_tile_shows_status_fault_and_the_running_session()
    {
        var tile = Render<ConnectorTile>(p => p
            .Add(t => t.Connector, new ConnectorDto(2, 2, ConnectorType.Ccs2, 150_000, ConnectorStatus.Charging, "GroundFailure"))
            .Add(t => t.Session, new ActiveSessionDto("42", 2, 2, "CARD-1", At, 12_345, 0))
            .Add(t => t.PowerW, 48_200m));

        tile.Find("[data-testid=connector-status]").TextContent.Trim().ShouldBe("Charging");
        tile.Find("[data-testid=connector-error]").TextContent.ShouldContain("GroundFailure");
        tile.Find("[data-testid=connector-session]").TextContent.ShouldContain("Session 42 · 12.35 kWh · 48.2 kW");
        tile.Markup.ShouldContain("CCS2 · 150 kW");
    }

    [Fact]
    public void Connector_tile_without_session_or_fault_says_so()
    {
        var tile = Render<ConnectorTile>(p => p.Add(t => t.Connector, new ConnectorDto(1, 1, ConnectorType.Type2, 22_000, ConnectorStatus.Available, null)));

        tile.FindAll("[data-testid=connector-error]").ShouldBeEmpty();
        tile.FindAll("[data-testid=connector-session]").ShouldBeEmpty();
        tile.Markup.ShouldContain("No session");
    }

    [Fact]
    public async Task Disruptive_command_asks_first_and_sends_nothing_when_cancelled()
    {
        var sent = new List<StationCommandArguments>();
        var dialogs = Render<MudDialogProvider>();
        var panel = RenderPanel(sent, "Accepted");

        // The click's handler waits for the dialog's answer, so it completes only after the dialog is answered.
        var clicked = panel.Find("[data-testid=cmd-reset]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=confirm-message]").TextContent.ShouldContain("Soft reset CP-1?");
        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await clicked;

        sent.ShouldBeEmpty();
        panel.FindAll("[data-testid=command-result]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Confirmed_command_is_sent_and_the_stations_answer_shown()
    {
        var sent = new List<StationCommandArguments>();
        var dialogs = Render<MudDialogProvider>();
        var panel = RenderPanel(sent, "Rejected");

        var clicked = panel.Find("[data-testid=cmd-reset]").ClickAsync(new());
        await dialogs.WaitForElement("[data-testid=confirm-ok]").ClickAsync(new());
        await clicked;

        panel.WaitForAssertion(() => panel.Find("[data-testid=command-result]").TextContent.ShouldContain("The station answered reset: Rejected."));
        sent.ShouldHaveSingleItem().ShouldBe(new ResetArguments(ResetKind.Soft));
    }

    [Fact]
    public async Task Failed_command_reads_in_plain_words()
    {
        var dialogs = Render<MudDialogProvider>();
        var panel = Render<CommandPanel>(p => p
            .Add(c => c.StationId, "CP-1")
            .Add(c => c.Connectors, [new ConnectorDto(1, 1, ConnectorType.Type2, 22_000, ConnectorStatus.Available, null)])
            .Add(c => c.Execute, operation => Task.FromResult(CommandOutcome.From(operation.Command.RouteName(),
                CommandResult.Failed<StationAnswer>(CommandFailure.Offline, "Station 'CP-1' is not connected."), At))));

        var clicked = panel.Find("[data-testid=cmd-clear-cache]").ClickAsync(new());
        await dialogs.WaitForElement("[data-testid=confirm-ok]").ClickAsync(new());
        await clicked;

        panel.WaitForAssertion(() => panel.Find("[data-testid=command-result]").TextContent.ShouldContain("The station is offline, so the command was not sent."));
    }

    [Fact]
    public void Configuration_table_greys_read_only_keys_and_offers_no_editor_for_them()
    {
        var table = RenderConfiguration((_, _) => throw new InvalidOperationException("nothing may be saved"));

        var readOnly = table.Find("[data-key=ChargeProfileMaxStackLevel]");
        readOnly.ClassList.ShouldContain("config-readonly");
        readOnly.QuerySelectorAll("input").ShouldBeEmpty();
        readOnly.QuerySelectorAll("[data-testid=config-save]").ShouldBeEmpty();
        readOnly.TextContent.ShouldContain("read-only");
        table.Find("[data-key=HeartbeatInterval] input").ShouldNotBeNull();
    }

    [Fact]
    public async Task Configuration_change_is_sent_and_its_result_shown()
    {
        var saved = new List<(string Key, string Value)>();
        var table = RenderConfiguration((key, value) =>
        {
            saved.Add((key, value));
            return Task.FromResult(new CommandOutcome("set-configuration", true, "RebootRequired", "The station answered set-configuration: RebootRequired.", null, At));
        });

        var row = table.Find("[data-key=HeartbeatInterval]");
        row.QuerySelector("[data-testid=config-save]")!.HasAttribute("disabled").ShouldBeTrue();
        await table.Find("[data-key=HeartbeatInterval] input").InputAsync(new() { Value = "60" });
        await table.Find("[data-key=HeartbeatInterval] [data-testid=config-save]").ClickAsync(new());

        saved.ShouldBe([("HeartbeatInterval", "60")]);
        table.WaitForAssertion(() => table.Find("[data-key=HeartbeatInterval] [data-testid=config-result]").TextContent.Trim().ShouldBe("RebootRequired"));
    }

    [Fact]
    public void Power_chart_waits_for_samples_then_shows_the_latest()
    {
        var chart = Render<PowerChart>(p => p.Add(c => c.Points, []));
        chart.Markup.ShouldContain("Waiting for meter values");

        chart.Render(p => p.Add(c => c.Points, [new ChartPoint(At, 7_000m, 0.5m), new ChartPoint(At.AddMinutes(1), 11_000m, 0.7m)]));
        chart.Find("[data-testid=chart-power]").TextContent.ShouldBe("11.0 kW");
        chart.Find("[data-testid=chart-energy]").TextContent.ShouldBe("0.7 kWh");
    }

    [Fact]
    public void Configuration_entries_read_a_configuration_answer()
    {
        var answer = new ConfigurationAnswer(CommandStatus.Accepted, "Accepted", [], [
            new ConfigurationValue("HeartbeatInterval", "300", false),
            new ConfigurationValue("OCPPCommCtrlr.HeartbeatInterval", "60", null),
            new ConfigurationValue("NumberOfConnectors", null, true),
            new ConfigurationValue("", "dropped", null),
        ], []);

        ConfigurationEntry.From(answer).ShouldBe([
            new ConfigurationEntry("HeartbeatInterval", "300", false),
            new ConfigurationEntry("OCPPCommCtrlr.HeartbeatInterval", "60", false),
            new ConfigurationEntry("NumberOfConnectors", null, true),
        ]);
    }

    private IRenderedComponent<CommandPanel> RenderPanel(List<StationCommandArguments> sent, string status) =>
        Render<CommandPanel>(p => p
            .Add(c => c.StationId, "CP-1")
            .Add(c => c.Connectors, [new ConnectorDto(1, 1, ConnectorType.Type2, 22_000, ConnectorStatus.Available, null)])
            .Add(c => c.Execute, operation =>
            {
                sent.Add(operation);
                var answer = new StationAnswer(Enum.Parse<CommandStatus>(status), status, new JsonObject { ["status"] = status });
                return Task.FromResult(CommandOutcome.From(operation.Command.RouteName(), new CommandResult<StationAnswer>(answer), At));
            }));

    private IRenderedComponent<ConfigurationTable> RenderConfiguration(Func<string, string, Task<CommandOutcome>> save) =>
        Render<ConfigurationTable>(p => p
            .Add(t => t.Entries, [new ConfigurationEntry("HeartbeatInterval", "300", false), new ConfigurationEntry("ChargeProfileMaxStackLevel", "10", true)])
            .Add(t => t.Save, save));
}
