using ChargePortal.Web.Accounts;
using ChargePortal.Web.Stations;

namespace ChargePortal.Web.Transactions;

/// <summary>One charging session on one connector, from start to stop.</summary>
public sealed class ChargingTransaction
{
    public long Id { get; set; }
    public required string StationId { get; set; }
    public Station? Station { get; set; }
    public int EvseId { get; set; }
    public int ConnectorId { get; set; }

    /// <summary>The transaction id as the station knows it (1.6 integer, 2.0.1 string), written as a string.</summary>
    public required string OcppTransactionId { get; set; }
    public string? IdTag { get; set; }
    public string? UserId { get; set; }
    public ApplicationUser? User { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    /// <summary>Energy register at the start; null until known (2.0.1 stations may only send it later).</summary>
    public long? MeterStartWh { get; set; }
    public long? MeterStopWh { get; set; }

    /// <summary>Energy delivered so far (live) or in total (completed), in Wh.</summary>
    public long EnergyWh { get; set; }
    public TransactionStatus Status { get; set; } = TransactionStatus.Active;
    public string? StopReason { get; set; }

    /// <summary>2.0.1 TransactionEvent sequence number last applied; makes replays idempotent.</summary>
    public int LastSeqNo { get; set; } = -1;

    public int? TariffId { get; set; }
    public decimal? Cost { get; set; }
    public string? Currency { get; set; }
    public int? ReservationId { get; set; }
}

public enum TransactionStatus
{
    Active,
    Completed,
}
