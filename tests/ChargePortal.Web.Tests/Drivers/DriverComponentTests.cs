using Bunit;
using ChargePortal.Web.Drivers.Find;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Drivers;

public sealed class DriverComponentTests : BunitContext
{
    public DriverComponentTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Station_list_item_links_to_the_station_with_availability_connectors_and_distance()
    {
        var station = new StationListing("AMS CS/01", "Centraal fast charger 1", "Centraal", "Stationsplein 1", new GeoPoint(52.37, 4.9), true,
        [
            new ListingConnector(1, 1, 1, ConnectorType.Ccs2, 150_000, ConnectorStatus.Available),
            new ListingConnector(2, 2, 2, ConnectorType.Ccs2, 150_000, ConnectorStatus.Charging),
        ]);

        var item = Render<StationListItem>(p => p.Add(x => x.Item, new RankedStation(station, 1_234)));

        item.Find("a").GetAttribute("href").ShouldBe("/stations/AMS%20CS%2F01");
        item.Find("[data-testid=station-name]").TextContent.ShouldBe("Centraal fast charger 1");
        item.Find("[data-testid=station-availability]").TextContent.ShouldBe("1 of 2 free · 2× CCS2 150 kW");
        item.Find("[data-testid=station-distance]").TextContent.ShouldBe("1.2 km");
        item.Find("[data-testid=station-card]").GetAttribute("data-availability").ShouldBe("available");
    }

    [Fact]
    public void Offline_station_reads_offline_in_grey()
    {
        var station = new StationListing("X", "X", null, null, new GeoPoint(0, 0), false, [new ListingConnector(1, 1, 1, ConnectorType.Type2, 22_000, ConnectorStatus.Available)]);
        var item = Render<StationListItem>(p => p.Add(x => x.Item, new RankedStation(station, 80)));
        item.Find("[data-testid=station-availability]").TextContent.ShouldStartWith("Offline");
        item.Find(".availability-dot").ClassList.ShouldContain("offline");
        item.Find("[data-testid=station-distance]").TextContent.ShouldBe("80 m");
    }

    [Fact]
    public void Filters_report_each_change_and_ignore_values_they_did_not_offer()
    {
        StationFilter? reported = null;
        var filters = Render<StationFilters>(p => p
            .Add(x => x.Filter, StationFilter.None)
            .Add(x => x.Types, [ConnectorType.Type2, ConnectorType.Ccs2])
            .Add(x => x.FilterChanged, f => reported = f));

        filters.FindAll("[data-testid=filter-type] option").Select(o => o.TextContent).ShouldBe(["All connectors", "Type 2", "CCS2"]);

        filters.Find("[data-testid=filter-type]").Change("Ccs2");
        reported.ShouldBe(new StationFilter(ConnectorType.Ccs2));

        filters.Find("[data-testid=filter-power]").Change("50");
        reported.ShouldBe(new StationFilter(MinPowerKw: 50));

        filters.Find("[data-testid=filter-power]").Change("49");
        reported.ShouldBe(StationFilter.None);

        filters.Find("[data-testid=filter-type]").Change("Warp");
        reported.ShouldBe(StationFilter.None);

        filters.Find("[data-testid=filter-available]").Change(true);
        reported.ShouldBe(new StationFilter(AvailableNow: true));
    }
}
