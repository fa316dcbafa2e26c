using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Stations;

/// <summary>
/// A connector. OCPP 1.6 knows only connector ids; 2.0.1 has EVSEs holding connectors.
/// For a 1.6 station EvseId equals ConnectorId and ConnectorId is the 1.6 connector id.
/// </summary>
public sealed class Connector
{
    public int Id { get; set; }
    public required string StationId { get; set; }
    public Station? Station { get; set; }
    public int EvseId { get; set; }
    public int ConnectorId { get; set; }
    public ConnectorType Type { get; set; } = ConnectorType.Type2;
    public int MaxPowerW { get; set; }
    public ConnectorStatus Status { get; set; } = ConnectorStatus.Unknown;

    /// <summary>The last fault code the station reported (e.g. GroundFailure), null when healthy.</summary>
    public string? ErrorCode { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
}

public enum ConnectorType
{
    Type2,
    Ccs2,
    Chademo,
    Type1,
    Ccs1,
    GbtAc,
    GbtDc,
    Nacs,
    Schuko,
}
