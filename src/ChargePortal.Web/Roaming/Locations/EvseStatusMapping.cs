using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;

namespace ChargePortal.Web.Roaming.Locations;

/// <summary>How our stations, EVSEs and connectors read in OCPI terms.</summary>
public static class EvseStatusMapping
{
    /// <summary>
    /// The EVSE uid: station id and EVSE id, e.g. <c>ST-001*1</c>. Longer than OCPI's 36 characters, it becomes a
    /// stable hash of the same text, so a uid never changes for an EVSE.
    /// </summary>
    public static string EvseUid(string stationId, int evseId)
    {
        var plain = string.Create(CultureInfo.InvariantCulture, $"{stationId}*{evseId}");
        return plain.Length <= 36 ? plain : "H" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plain)))[..35];
    }

    /// <summary>The EVSE's status: UNKNOWN while the station is offline, else its busiest connector's.</summary>
    public static string Status(bool online, IEnumerable<ConnectorStatus> connectors)
    {
        if (!online)
        {
            return "UNKNOWN";
        }

        var statuses = connectors.Select(Of).ToList();
        string[] precedence = ["CHARGING", "RESERVED", "AVAILABLE", "BLOCKED", "OUTOFORDER", "INOPERATIVE", "UNKNOWN"];
        return precedence.FirstOrDefault(statuses.Contains) ?? "UNKNOWN";
    }

    private static string Of(ConnectorStatus status) => status switch
    {
        ConnectorStatus.Available => "AVAILABLE",
        ConnectorStatus.Preparing or ConnectorStatus.Charging or ConnectorStatus.SuspendedEv or ConnectorStatus.SuspendedEvse
            or ConnectorStatus.Finishing or ConnectorStatus.Occupied => "CHARGING",
        ConnectorStatus.Reserved => "RESERVED",
        ConnectorStatus.Unavailable => "INOPERATIVE",
        ConnectorStatus.Faulted => "OUTOFORDER",
        _ => "UNKNOWN",
    };

    public static (string Standard, string Format, string PowerType) Describe(ConnectorType type) => type switch
    {
        ConnectorType.Type2 => ("IEC_62196_T2", "SOCKET", "AC_3_PHASE"),
        ConnectorType.Ccs2 => ("IEC_62196_T2_COMBO", "CABLE", "DC"),
        ConnectorType.Chademo => ("CHADEMO", "CABLE", "DC"),
        ConnectorType.Type1 => ("IEC_62196_T1", "CABLE", "AC_1_PHASE"),
        ConnectorType.Ccs1 => ("IEC_62196_T1_COMBO", "CABLE", "DC"),
        ConnectorType.GbtAc => ("GBT_AC", "SOCKET", "AC_3_PHASE"),
        ConnectorType.GbtDc => ("GBT_DC", "CABLE", "DC"),
        ConnectorType.Nacs => ("TESLA_S", "CABLE", "DC"),
        ConnectorType.Schuko => ("DOMESTIC_F", "SOCKET", "AC_1_PHASE"),
        _ => ("IEC_62196_T2", "SOCKET", "AC_3_PHASE"),
    };

    /// <summary>Voltage and amperage from the connector's power (OCPI requires both); AC at 230 V per phase, DC at 400 V.</summary>
    public static (int Voltage, int Amperage) Electrical(string powerType, int maxPowerW)
    {
        var (voltage, phases, fallbackW) = powerType switch
        {
            "DC" => (400, 1, 50_000),
            "AC_1_PHASE" => (230, 1, 7_360),
            _ => (230, 3, 22_080),
        };
        var power = maxPowerW > 0 ? maxPowerW : fallbackW;
        return (voltage, Math.Max(1, (int)Math.Round(power / (double)(voltage * phases))));
    }

    /// <summary>ISO 3166 alpha-3 for a site's alpha-2 country code (OCPI Location.country).</summary>
    public static string Alpha3(string countryCode)
    {
        try
        {
            return new RegionInfo(countryCode).ThreeLetterISORegionName;
        }
        catch (ArgumentException)
        {
            return countryCode.Length == 3 ? countryCode.ToUpperInvariant() : "ZZZ";
        }
    }
}
