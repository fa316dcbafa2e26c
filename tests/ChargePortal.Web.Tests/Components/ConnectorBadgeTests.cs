using Bunit;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Stations.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

public sealed class ConnectorBadgeTests : BunitContext
{
    public ConnectorBadgeTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [InlineData(ConnectorType.Ccs2, 150_000, ConnectorStatus.Available, "CCS2 · 150 kW · Available", "mud-chip-color-success")]
    [InlineData(ConnectorType.Type2, 22_000, ConnectorStatus.Charging, "Type 2 · 22 kW · Charging", "mud-chip-color-info")]
    [InlineData(ConnectorType.Chademo, 50_000, ConnectorStatus.Faulted, "CHAdeMO · 50 kW · Faulted", "mud-chip-color-error")]
    [InlineData(ConnectorType.Type2, 7_400, ConnectorStatus.SuspendedEv, "Type 2 · 7.4 kW · Suspended (EV)", "mud-chip-color-info")]
    public void Shows_type_power_and_status_in_the_status_colour(ConnectorType type, int watts, ConnectorStatus status, string text, string colourClass)
    {
        var badge = Render<ConnectorBadge>(p => p.Add(b => b.Connector, new ConnectorDto(1, 1, type, watts, status, null)));

        var chip = badge.Find("[data-testid=connector-badge]");
        chip.TextContent.Trim().ShouldBe(text);
        chip.ClassList.ShouldContain(colourClass);
    }
}
