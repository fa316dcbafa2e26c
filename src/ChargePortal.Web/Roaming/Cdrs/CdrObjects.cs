using ChargePortal.Web.Roaming.Sessions;
using ChargePortal.Web.Roaming.Tariffs;
using ChargePortal.Web.Roaming.Tokens;

namespace ChargePortal.Web.Roaming.Cdrs;

/// <summary>A CDR as stored and served: the object exactly as it was pushed to the partner.</summary>
public sealed class RoamingCdr
{
    public required string Id { get; set; }
    public int PartnerId { get; set; }
    public required string SessionId { get; set; }
    public long TransactionId { get; set; }
    public required string Json { get; set; }
    public long LastUpdatedTicks { get; set; }
}

/// <summary>OCPI 2.2.1 CDR object.</summary>
public sealed record OcpiCdr(
    string CountryCode,
    string PartyId,
    string Id,
    DateTimeOffset StartDateTime,
    DateTimeOffset EndDateTime,
    string SessionId,
    CdrToken CdrToken,
    RoamingAuthMethod AuthMethod,
    string? AuthorizationReference,
    CdrLocation CdrLocation,
    string? MeterId,
    string Currency,
    IReadOnlyList<OcpiTariff>? Tariffs,
    IReadOnlyList<ChargingPeriod> ChargingPeriods,
    Price TotalCost,
    Price? TotalFixedCost,
    decimal TotalEnergy,
    Price? TotalEnergyCost,
    decimal TotalTime,
    Price? TotalTimeCost,
    decimal? TotalParkingTime,
    Price? TotalParkingCost,
    DateTimeOffset LastUpdated);

public sealed record CdrLocation(
    string Id,
    string? Name,
    string Address,
    string City,
    string Country,
    Locations.GeoLocation Coordinates,
    string EvseUid,
    string EvseId,
    string ConnectorId,
    string ConnectorStandard,
    string ConnectorFormat,
    string ConnectorPowerType);

public sealed record ChargingPeriod(DateTimeOffset StartDateTime, IReadOnlyList<CdrDimension> Dimensions, string? TariffId);

/// <summary>A measured dimension of a charging period: ENERGY in kWh, TIME and PARKING_TIME in hours.</summary>
public sealed record CdrDimension(string Type, decimal Volume);
