using System.Globalization;
using ChargePortal.Web.Tariffs;

namespace ChargePortal.Web.Drivers;

/// <summary>The price a driver sees on a station page: the tariff in force, in plain words.</summary>
public sealed class DriverPrices(TariffResolver resolver)
{
    /// <summary>The tariff in force at <paramref name="at"/> for the station's connector (its OCPP connector id).</summary>
    public Task<Tariff?> ForConnectorAsync(string stationId, int connectorId, DateTimeOffset at, CancellationToken ct) =>
        resolver.ForConnectorAsync(stationId, connectorId, at, ct);

    /// <summary>The price in plain words, e.g. "€0.39/kWh + €0.10/min after 2 h".</summary>
    public static string Describe(Tariff tariff, CultureInfo culture) => TariffText.Describe(tariff, culture);
}
