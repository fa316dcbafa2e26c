using Bunit;
using ChargePortal.Web.StationEvents;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Components;

public sealed class StationEventsTableTests : BunitContext
{
    public StationEventsTableTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Each_event_shows_where_it_happened_its_trigger_value_details_and_whether_it_was_cleared()
    {
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var table = Render<StationEventsTable>(p => p.Add(t => t.Items,
        [
            new StationEventDto(at, StationEventKind.Event, "Connector", null, 1, 2, "Problem", null, "Delta", "false", null, null, true, null, 13, null),
            new StationEventDto(at.AddMinutes(-1), StationEventKind.Event, "EVSE", "left", 1, null, "Power", null, "Alerting", "23500", "OVL", "overload", null, 2, 12, 42),
        ]));

        var rows = table.FindAll("[data-testid=event-row]");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("Connector · EVSE 1/2");
        rows[0].QuerySelector("[data-testid=event-cleared]")!.TextContent.ShouldBe("yes");
        rows[1].TextContent.ShouldContain("EVSE[left] · EVSE 1");
        rows[1].TextContent.ShouldContain("Alerting (severity 2)");
        rows[1].TextContent.ShouldContain("OVL, overload");
        rows[1].QuerySelector("[data-testid=event-cleared]")!.TextContent.ShouldBe("");
    }

    [Fact]
    public void No_events_says_so()
    {
        Render<StationEventsTable>(p => p.Add(t => t.Items, [])).Find("[data-testid=events-empty]").TextContent.ShouldBe("No events reported.");
    }
}
