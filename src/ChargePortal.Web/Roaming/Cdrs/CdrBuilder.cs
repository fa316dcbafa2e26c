using System.Globalization;
using ChargePortal.Web.Roaming.Locations;
using ChargePortal.Web.Roaming.Sessions;
using ChargePortal.Web.Roaming.Tariffs;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;

namespace ChargePortal.Web.Roaming.Cdrs;

/// <summary>
/// The CDR of a completed partner session, priced by <see cref="CostCalculator"/> (through <see cref="LiveCost"/>, the
/// same path that prices our own drivers' sessions), so the partner is billed what our tariff says.
/// </summary>
public static class CdrBuilder
{
    public static OcpiCdr Build(RoamingSession session, SessionCost priced, Site site, Connector? connector, string evseId,
        string countryCode, string partyId, DateTimeOffset now)
    {
        var end = session.EndedAt ?? now;
        var cost = priced.Cost;
        var tariff = priced.Tariff;
        var (standard, format, powerType) = EvseStatusMapping.Describe(connector?.Type ?? ConnectorType.Type2);
        var location = new CdrLocation(session.LocationId, site.Name, Cut(site.Address, 45), Cut(site.City, 45), EvseStatusMapping.Alpha3(site.CountryCode),
            new GeoLocation(site.Latitude.ToString("F6", CultureInfo.InvariantCulture), site.Longitude.ToString("F6", CultureInfo.InvariantCulture)),
            session.EvseUid, evseId, session.ConnectorId.ToString(CultureInfo.InvariantCulture), standard, format, powerType);

        var totalKwh = session.EnergyWh / 1000m;
        var hours = Hours(end - session.StartedAt);
        var parkingMinutes = cost?.Lines.Where(l => l.Kind == CostLineKind.Idle).Sum(l => l.Quantity) ?? 0m;
        var tariffId = tariff?.Id.ToString(CultureInfo.InvariantCulture);
        List<CdrDimension> dimensions = [new("ENERGY", totalKwh), new("TIME", hours)];
        if (parkingMinutes > 0)
        {
            dimensions.Add(new CdrDimension("PARKING_TIME", decimal.Round(parkingMinutes / 60m, 4)));
        }

        var vat = cost?.VatPercent ?? 0m;
        return new OcpiCdr(countryCode, partyId, "C" + session.Id, session.StartedAt, end, session.Id,
            new CdrToken(session.TokenCountryCode, session.TokenPartyId, session.TokenUid, session.TokenType, session.ContractId),
            session.AuthMethod, session.AuthorizationReference, location, null, session.Currency,
            tariff is null ? null : [TariffMapping.ToOcpi(tariff, countryCode, partyId)],
            [new ChargingPeriod(session.StartedAt, dimensions, tariffId)],
            new Price(cost?.Net ?? 0m, cost?.Total ?? 0m),
            Sum(cost, CostLineKind.SessionFee, vat), totalKwh, Sum(cost, CostLineKind.Energy, vat), hours, Sum(cost, CostLineKind.Time, vat),
            parkingMinutes > 0 ? decimal.Round(parkingMinutes / 60m, 4) : null, Sum(cost, CostLineKind.Idle, vat), now);
    }

    /// <summary>The lines of one kind: their amount including VAT, and without it.</summary>
    private static Price? Sum(CostBreakdown? cost, CostLineKind kind, decimal vatPercent)
    {
        var lines = cost?.Lines.Where(l => l.Kind == kind).ToList();
        if (lines is null || lines.Count == 0)
        {
            return null;
        }

        var incl = CostCalculator.Round(lines.Sum(l => l.Amount));
        return new Price(CostCalculator.Round(incl * 100m / (100m + vatPercent)), incl);
    }

    private static decimal Hours(TimeSpan span) => decimal.Round((decimal)Math.Max(0, span.TotalHours), 4);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
