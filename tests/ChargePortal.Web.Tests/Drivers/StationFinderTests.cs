using System.Globalization;
using ChargePortal.Web.Drivers;
using ChargePortal.Web.Drivers.Find;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;

namespace ChargePortal.Web.Tests.Drivers;

public sealed class StationFinderTests
{
    private static readonly GeoPoint Dam = new(52.3731, 4.8926);

    private static StationListing Station(string id, GeoPoint at, bool online = true, params ListingConnector[] connectors) =>
        new(id, id, "Site", "Street 1", at, online, connectors);

    private static ListingConnector C(ConnectorType type, int kw, ConnectorStatus status) => new(0, 1, 1, type, kw * 1000, status);

    [Fact]
    public void Haversine_distance_matches_a_known_pair()
    {
        // Amsterdam Centraal to the Zuidas (WTC): about 4.8 km as the crow flies.
        var d = StationFinder.DistanceMeters(new GeoPoint(52.3791, 4.9003), new GeoPoint(52.3389, 4.8730));
        d.ShouldBeInRange(4_700, 4_900);
        StationFinder.DistanceMeters(Dam, Dam).ShouldBe(0);
    }

    [Fact]
    public void Sorts_nearest_first_and_breaks_ties_by_name()
    {
        var far = Station("far", new GeoPoint(52.40, 4.89), true, C(ConnectorType.Type2, 22, ConnectorStatus.Available));
        var near = Station("near", new GeoPoint(52.374, 4.893), true, C(ConnectorType.Type2, 22, ConnectorStatus.Available));
        var b = Station("b", new GeoPoint(52.38, 4.89), true, C(ConnectorType.Type2, 22, ConnectorStatus.Available));
        var a = Station("a", new GeoPoint(52.38, 4.89), true, C(ConnectorType.Type2, 22, ConnectorStatus.Available));

        var ranked = StationFinder.Rank([far, b, near, a], StationFilter.None, Dam);

        ranked.Select(r => r.Station.Id).ShouldBe(["near", "a", "b", "far"]);
        ranked[0].DistanceMeters.ShouldBeLessThan(ranked[3].DistanceMeters);
    }

    [Fact]
    public void Filters_need_one_connector_that_satisfies_every_criterion()
    {
        var mixed = Station("mixed", Dam, true, C(ConnectorType.Ccs2, 150, ConnectorStatus.Charging), C(ConnectorType.Type2, 22, ConnectorStatus.Available));
        var fastFree = Station("fast-free", Dam, true, C(ConnectorType.Ccs2, 150, ConnectorStatus.Available));
        var offline = Station("offline", Dam, false, C(ConnectorType.Ccs2, 150, ConnectorStatus.Available));

        Ids(new StationFilter(ConnectorType.Ccs2, 50, AvailableNow: true), mixed, fastFree, offline).ShouldBe(["fast-free"]);
        Ids(new StationFilter(ConnectorType.Ccs2, 50), mixed, fastFree, offline).ShouldBe(["fast-free", "mixed", "offline"]);
        Ids(new StationFilter(null, 100), mixed, fastFree, offline).ShouldBe(["fast-free", "mixed", "offline"]);
        Ids(new StationFilter(ConnectorType.Type2, 0, AvailableNow: true), mixed, fastFree, offline).ShouldBe(["mixed"]);
        Ids(new StationFilter(ConnectorType.Chademo), mixed, fastFree, offline).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true, new[] { ConnectorStatus.Available, ConnectorStatus.Charging }, Availability.Available)]
    [InlineData(true, new[] { ConnectorStatus.Charging, ConnectorStatus.Reserved }, Availability.Busy)]
    [InlineData(true, new[] { ConnectorStatus.Charging, ConnectorStatus.Faulted }, Availability.Busy)]
    [InlineData(true, new[] { ConnectorStatus.Faulted, ConnectorStatus.Unavailable }, Availability.Faulted)]
    [InlineData(false, new[] { ConnectorStatus.Available }, Availability.Offline)]
    public void Marker_colour_follows_live_availability(bool online, ConnectorStatus[] statuses, Availability expected) =>
        StationListing.ClassifyAvailability(online, [.. statuses.Select(s => C(ConnectorType.Type2, 22, s))]).ShouldBe(expected);

    [Fact]
    public void Centroid_and_default_centre()
    {
        StationFinder.Centroid([new GeoPoint(52, 4), new GeoPoint(54, 6)]).ShouldBe(new GeoPoint(53, 5));
        StationFinder.Centroid([]).ShouldBeNull();
        GeoPoint.TryParse("52.37, 4.89", out var p).ShouldBeTrue();
        p.ShouldBe(new GeoPoint(52.37, 4.89));
        GeoPoint.TryParse("95,4", out _).ShouldBeFalse();
        GeoPoint.TryParse("north", out _).ShouldBeFalse();
        GeoPoint.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Distances_read_in_metres_then_kilometres()
    {
        StationFinder.FormatDistance(234, CultureInfo.InvariantCulture).ShouldBe("230 m");
        StationFinder.FormatDistance(4_860, CultureInfo.InvariantCulture).ShouldBe("4.9 km");
    }

    [Fact]
    public void Price_reads_in_plain_words()
    {
        var tariff = new Tariff { Name = "t", PricePerKwh = 0.39m, PricePerMinute = 0.10m, PricePerMinuteAfterMinutes = 120 };
        DriverPrices.Describe(tariff, CultureInfo.InvariantCulture).ShouldBe("€0.39/kWh + €0.10/min after 2 h");
        DriverPrices.Describe(new Tariff { Name = "f" }, CultureInfo.InvariantCulture).ShouldBe("Free");
        DriverPrices.Describe(new Tariff { Name = "s", Currency = "SEK", PricePerKwh = 4.5m, SessionFee = 10m, IdleFeePerMinute = 1m, IdleGraceMinutes = 15 }, CultureInfo.InvariantCulture)
            .ShouldBe("4.50 SEK/kWh + 10.00 SEK per session + 1.00 SEK/min idle after 15 min");
    }

    private static IReadOnlyList<string> Ids(StationFilter filter, params StationListing[] stations) =>
        [.. StationFinder.Rank(stations, filter, Dam).Select(r => r.Station.Id).Order(StringComparer.Ordinal)];
}
