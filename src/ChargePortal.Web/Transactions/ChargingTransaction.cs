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

    /// <summary>The 2.0.1 idToken.type the session was authorised with (ISO14443, Central, eMAID, NoAuthorization …); null on 1.6.</summary>
    public string? IdTokenType { get; set; }

    /// <summary>
    /// Rank of the event the owner token came from (2.0.1 seqNo; <see cref="int.MaxValue"/> for a token that only
    /// stopped the session): a token from an earlier event replaces it when events arrive out of order.
    /// </summary>
    public int? IdTagRank { get; set; }

    /// <summary>The 2.0.1 RequestStartTransaction remoteStartId this session answered, when it was started remotely.</summary>
    public int? RemoteStartId { get; set; }

    /// <summary>Started without authorisation on a station or site that offers free vend (2.0.1 NoAuthorization): priced at nothing.</summary>
    public bool FreeVend { get; set; }

    /// <summary>2.0.1 chargingState last reported (Charging, SuspendedEV, SuspendedEVSE, EVConnected, Idle); null when never reported.</summary>
    public string? ChargingState { get; set; }
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

    /// <summary>Highest 2.0.1 TransactionEvent sequence number applied (events themselves: <see cref="TransactionEventRecord"/>).</summary>
    public int LastSeqNo { get; set; } = -1;

    public int? TariffId { get; set; }

    /// <summary>Set when the session was priced with 2.0.1 events missing: what was missing and why it was priced anyway.</summary>
    public string? PricingNote { get; set; }
    public decimal? Cost { get; set; }
    public string? Currency { get; set; }
    public int? ReservationId { get; set; }
}

public enum TransactionStatus
{
    Active,
    Completed,
}
