using ChargePortal.Web.Roaming.Tokens;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>A charging session of a partner's token at our stations, as reported to that partner.</summary>
public sealed class RoamingSession
{
    /// <summary>Our OCPI session id.</summary>
    public required string Id { get; set; }
    public int PartnerId { get; set; }
    public long TransactionId { get; set; }
    public required string LocationId { get; set; }
    public required string EvseUid { get; set; }
    public int ConnectorId { get; set; }
    public required string TokenCountryCode { get; set; }
    public required string TokenPartyId { get; set; }
    public required string TokenUid { get; set; }
    public OcpiTokenType TokenType { get; set; }
    public required string ContractId { get; set; }
    public RoamingAuthMethod AuthMethod { get; set; }
    public string? AuthorizationReference { get; set; }
    public RoamingSessionStatus Status { get; set; } = RoamingSessionStatus.Active;
    public required string Currency { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public long EnergyWh { get; set; }
    public decimal? TotalCostExclVat { get; set; }
    public decimal? TotalCostInclVat { get; set; }

    /// <summary>Last change, as UTC ticks so list queries filter and sort on it in SQL on every provider.</summary>
    public long LastUpdatedTicks { get; set; }

    public DateTimeOffset LastUpdated => new(LastUpdatedTicks, TimeSpan.Zero);
}

public enum RoamingSessionStatus
{
    Active,
    Completed,
    Invalid,
    Pending,
    Reservation,
}
