using ChargePortal.Web.Roaming.Tokens;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>OCPI 2.2.1 Session object.</summary>
public sealed record OcpiSession(
    string CountryCode,
    string PartyId,
    string Id,
    DateTimeOffset StartDateTime,
    DateTimeOffset? EndDateTime,
    decimal Kwh,
    CdrToken CdrToken,
    RoamingAuthMethod AuthMethod,
    string? AuthorizationReference,
    string LocationId,
    string EvseUid,
    string ConnectorId,
    string Currency,
    Price? TotalCost,
    RoamingSessionStatus Status,
    DateTimeOffset LastUpdated)
{
    public static OcpiSession From(RoamingSession s, string countryCode, string partyId) => new(
        countryCode, partyId, s.Id, s.StartedAt, s.EndedAt, s.EnergyWh / 1000m,
        new CdrToken(s.TokenCountryCode, s.TokenPartyId, s.TokenUid, s.TokenType, s.ContractId),
        s.AuthMethod, s.AuthorizationReference, s.LocationId, s.EvseUid, s.ConnectorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        s.Currency, s.TotalCostInclVat is { } incl ? new Price(s.TotalCostExclVat ?? incl, incl) : null, s.Status, s.LastUpdated);
}

/// <summary>The token a session or CDR was charged with.</summary>
public sealed record CdrToken(string CountryCode, string PartyId, string Uid, OcpiTokenType Type, string ContractId);

public sealed record Price(decimal ExclVat, decimal? InclVat);
