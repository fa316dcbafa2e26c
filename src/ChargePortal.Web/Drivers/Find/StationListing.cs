using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;

namespace ChargePortal.Web.Drivers.Find;

/// <summary>What the map marker shows: green, amber, grey or red.</summary>
public enum Availability
{
    /// <summary>At least one connector is Available.</summary>
    Available,

    /// <summary>Online, nothing free: every connector is in use or reserved.</summary>
    Busy,

    /// <summary>The station is not connected.</summary>
    Offline,

    /// <summary>Online, nothing free, and connectors report faults.</summary>
    Faulted,
}

/// <summary>A connector of a listing; RefId is its database id (Connector.Id), which reservations refer to.</summary>
public sealed record ListingConnector(int RefId, int EvseId, int ConnectorId, ConnectorType Type, int MaxPowerW, ConnectorStatus Status);

/// <summary>A station as the driver's find page shows it. Immutable: live events produce a new one.</summary>
public sealed record StationListing(
    string Id,
    string Name,
    string? Site,
    string? Address,
    GeoPoint Location,
    bool Online,
    IReadOnlyList<ListingConnector> Connectors)
{
    public Availability Availability => ClassifyAvailability(Online, Connectors);

    public int AvailableCount => Online ? Connectors.Count(c => c.Status == ConnectorStatus.Available) : 0;

    public static Availability ClassifyAvailability(bool online, IReadOnlyList<ListingConnector> connectors)
    {
        if (!online)
        {
            return Availability.Offline;
        }

        if (connectors.Any(c => c.Status == ConnectorStatus.Available))
        {
            return Availability.Available;
        }

        return connectors.Count > 0 && connectors.Any(c => c.Status == ConnectorStatus.Faulted)
            && connectors.All(c => c.Status is ConnectorStatus.Faulted or ConnectorStatus.Unavailable or ConnectorStatus.Unknown)
            ? Availability.Faulted
            : Availability.Busy;
    }

    public StationListing WithConnectorStatus(int evseId, int connectorId, ConnectorStatus status) => this with
    {
        Connectors = [.. Connectors.Select(c => c.EvseId == evseId && (c.ConnectorId == connectorId || connectorId == 0) ? c with { Status = status } : c)],
    };
}

/// <summary>One station for its driver page: the listing plus what the page needs besides.</summary>
public sealed record DriverStation(StationListing Listing, GeoPoint SiteLocation, string TimeZoneId);

/// <summary>A listing with its distance from where the driver is (or the map's centre).</summary>
public sealed record RankedStation(StationListing Station, double DistanceMeters);

/// <summary>The find page's filters. Null/zero/false: no filtering on that criterion.</summary>
public sealed record StationFilter(ConnectorType? ConnectorType = null, int MinPowerKw = 0, bool AvailableNow = false)
{
    public static StationFilter None { get; } = new();
}
