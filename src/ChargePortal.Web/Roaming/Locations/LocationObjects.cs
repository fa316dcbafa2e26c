namespace ChargePortal.Web.Roaming.Locations;

/// <summary>OCPI 2.2.1 Location: one of our sites.</summary>
public sealed record OcpiLocation(
    string CountryCode,
    string PartyId,
    string Id,
    bool Publish,
    string? Name,
    string Address,
    string City,
    string Country,
    GeoLocation Coordinates,
    IReadOnlyList<OcpiEvse> Evses,
    string TimeZone,
    BusinessDetailsRef? Operator,
    DateTimeOffset LastUpdated);

public sealed record GeoLocation(string Latitude, string Longitude);

public sealed record BusinessDetailsRef(string Name);

/// <summary>OCPI EVSE: a 2.0.1 EVSE, or a 1.6 connector (which is its own EVSE).</summary>
public sealed record OcpiEvse(
    string Uid,
    string? EvseId,
    string Status,
    IReadOnlyList<string>? Capabilities,
    IReadOnlyList<OcpiConnector> Connectors,
    string? PhysicalReference,
    DateTimeOffset LastUpdated);

public sealed record OcpiConnector(
    string Id,
    string Standard,
    string Format,
    string PowerType,
    int MaxVoltage,
    int MaxAmperage,
    int? MaxElectricPower,
    IReadOnlyList<string>? TariffIds,
    DateTimeOffset LastUpdated);
