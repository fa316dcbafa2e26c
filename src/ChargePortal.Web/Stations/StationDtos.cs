using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Stations;

public sealed record ConnectorDto(int EvseId, int ConnectorId, ConnectorType Type, int MaxPowerW, ConnectorStatus Status, string? ErrorCode);

public sealed record StationDto(
    string Id,
    string Name,
    int? SiteId,
    string? Site,
    string? OcppVersion,
    bool Online,
    DateTimeOffset? LastSeen,
    string? Vendor,
    string? Model,
    string? FirmwareVersion,
    IReadOnlyList<ConnectorDto> Connectors);

public sealed record RecentTransactionDto(string TransactionId, int ConnectorId, string? IdTag, DateTimeOffset StartedAt, DateTimeOffset? StoppedAt, long EnergyWh, string Status);

public sealed record StationDetailDto(StationDto Station, IReadOnlyList<RecentTransactionDto> RecentTransactions);

/// <summary>Body of POST /api/stations.</summary>
/// <remarks><paramref name="FreeVend"/>: the station accepts 2.0.1 starts without authorisation (NoAuthorization), priced at nothing.</remarks>
public sealed record RegisterStationRequest(string? Id, string? Name, string? Password, int? SiteId, IReadOnlyList<RegisterConnectorRequest>? Connectors = null,
    int? SecurityProfile = null, bool? AllowUnsecured = null, bool? FreeVend = null);
