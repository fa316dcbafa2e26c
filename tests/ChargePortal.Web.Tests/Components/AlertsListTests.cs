using Bunit;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Alerts.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ChargePortal.Web.Dashboard;

namespace ChargePortal.Web.Tests.Components;

public sealed class AlertsListTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);

    public AlertsListTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Lists_alerts_and_acknowledges_only_open_ones()
    {
        AlertDto? acknowledged = null;
        var open = new AlertDto(1, AlertKind.ConnectorFault, "AMS-CS-01", 1, 2, "Connector 2 faulted: GroundFailure", At, null, null, "Europe/Amsterdam");
        var done = new AlertDto(2, AlertKind.StationOffline, "AMS-ZA-01", 0, 0, "No message for 12 min", At.AddHours(-1), At, "operator@chargeportal.local");
        var list = Render<AlertsList>(p => p
            .Add(l => l.Items, [open, done])
            .Add(l => l.CanAcknowledge, true)
            .Add(l => l.OnAcknowledge, (AlertDto a) => acknowledged = a));

        list.FindAll("[data-testid=alert-message]").Select(m => m.TextContent).ShouldBe([open.Message, done.Message]);
        list.FindAll("[data-testid=alert-kind]").Select(k => k.TextContent.Trim()).ShouldBe(["Connector fault", "Station offline"]);
        list.Find("[data-testid=alert-acknowledged]").TextContent.ShouldContain("operator@chargeportal.local");
        list.FindAll("[data-testid=alert-raised]").Select(r => r.TextContent).ShouldBe([Local(At, "Europe/Amsterdam"), Local(At.AddHours(-1), null)]);
        list.FindAll("[data-testid=alert-raised]")[0].GetAttribute("title").ShouldBe("Europe/Amsterdam");

        var buttons = list.FindAll("[data-testid=acknowledge]");
        buttons.Count.ShouldBe(1);
        buttons[0].Click();
        acknowledged.ShouldBe(open);
    }

    /// <summary>What the list should show: the site's clock, or UTC for a station without a site.</summary>
    private static string Local(DateTimeOffset at, string? zone) =>
        TimeZoneInfo.ConvertTime(at, zone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Read_only_list_has_no_acknowledge_buttons_and_an_empty_text()
    {
        var list = Render<AlertsList>(p => p.Add(l => l.Items, []).Add(l => l.EmptyText, "No open faults."));
        list.Find("[data-testid=alerts-empty]").TextContent.ShouldBe("No open faults.");
        list.FindAll("[data-testid=acknowledge]").ShouldBeEmpty();
    }

    [Fact]
    public void Dashboard_kpis_show_energy_revenue_per_currency_and_percentages()
    {
        var figures = new DashboardFigures(42.46, new Dictionary<string, decimal> { ["GBP"] = 2m, ["EUR"] = 12.345m }, 7, 12.34, 99.5, [], "UTC");
        var kpis = Render<DashboardKpis>(p => p.Add(k => k.Figures, figures));

        kpis.Find("[data-testid=kpi-energy]").TextContent.ShouldBe("42.5 kWh");
        kpis.Find("[data-testid=kpi-revenue]").TextContent.ShouldBe("12.35 EUR · 2.00 GBP");
        kpis.Find("[data-testid=kpi-sessions]").TextContent.ShouldBe("7");
        kpis.Find("[data-testid=kpi-utilisation]").TextContent.ShouldBe("12.3 %");
        kpis.Find("[data-testid=kpi-uptime]").TextContent.ShouldBe("99.5 %");
    }
}
