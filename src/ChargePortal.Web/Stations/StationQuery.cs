using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Stations;

public enum StationSort
{
    Id,
    Name,
    Site,
    OcppVersion,
    Online,
    LastSeen,
}

/// <summary>
/// One page of the operator's station list. Every filter, the sort and the paging run in SQL, so the list
/// stays fast with tens of thousands of stations.
/// </summary>
public sealed record StationQuery
{
    public const int MaxPageSize = 200;

    /// <summary>Matches id or name (substring, case-insensitive where the database collation is).</summary>
    public string? Search { get; init; }

    /// <summary>Stations with at least one connector in this status.</summary>
    public ConnectorStatus? ConnectorStatus { get; init; }

    public int? SiteId { get; init; }

    /// <summary>"1.6", "2.0.1", or "none" for stations that never connected.</summary>
    public string? OcppVersion { get; init; }

    public bool? Online { get; init; }

    public StationSort Sort { get; init; } = StationSort.Id;

    public bool Descending { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 25;
}

public sealed record StationPage(IReadOnlyList<StationDto> Items, int Total);

/// <summary>A connector given at registration.</summary>
public sealed record RegisterConnectorRequest(int ConnectorId, ConnectorType Type, int MaxPowerW, int? EvseId = null);

public sealed record SiteOption(int Id, string Name);
