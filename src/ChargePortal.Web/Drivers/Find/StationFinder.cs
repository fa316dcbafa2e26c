using System.Globalization;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Drivers.Find;

/// <summary>Filtering, distance and sorting for the find page: pure functions, unit-tested.</summary>
public static class StationFinder
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle (haversine) distance in metres.</summary>
    public static double DistanceMeters(GeoPoint a, GeoPoint b)
    {
        var dLat = ToRadians(b.Latitude - a.Latitude);
        var dLng = ToRadians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(a.Latitude)) * Math.Cos(ToRadians(b.Latitude)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The stations matching the filter, nearest first (ties by name).</summary>
    public static IReadOnlyList<RankedStation> Rank(IEnumerable<StationListing> stations, StationFilter filter, GeoPoint origin) =>
        [.. stations.Where(s => Matches(s, filter))
            .Select(s => new RankedStation(s, DistanceMeters(origin, s.Location)))
            .OrderBy(r => r.DistanceMeters).ThenBy(r => r.Station.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// A station matches when one connector satisfies every criterion at once (a fast CCS connector that is
    /// busy and a free slow Type 2 do not make a "free fast CCS" station).
    /// </summary>
    public static bool Matches(StationListing station, StationFilter filter)
    {
        if (filter.AvailableNow && !station.Online)
        {
            return false;
        }

        return station.Connectors.Any(c =>
            (filter.ConnectorType is null || c.Type == filter.ConnectorType)
            && c.MaxPowerW >= filter.MinPowerKw * 1000
            && (!filter.AvailableNow || c.Status == ConnectorStatus.Available));
    }

    /// <summary>The mean position of the stations; null when there are none.</summary>
    public static GeoPoint? Centroid(IEnumerable<GeoPoint> points)
    {
        var list = points.ToList();
        return list.Count == 0 ? null : new GeoPoint(list.Average(p => p.Latitude), list.Average(p => p.Longitude));
    }

    public static string FormatDistance(double meters, CultureInfo culture) => meters < 1000
        ? string.Format(culture, "{0:0} m", Math.Round(meters / 10) * 10)
        : string.Format(culture, "{0:0.0} km", meters / 1000);

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
