using System.Globalization;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Stations;

/// <summary>How connectors read to people: "CCS2 · 150 kW · Available".</summary>
public static class ConnectorText
{
    public static string Type(ConnectorType type) => type switch
    {
        ConnectorType.Type2 => "Type 2",
        ConnectorType.Ccs2 => "CCS2",
        ConnectorType.Chademo => "CHAdeMO",
        ConnectorType.Type1 => "Type 1",
        ConnectorType.Ccs1 => "CCS1",
        ConnectorType.GbtAc => "GB/T AC",
        ConnectorType.GbtDc => "GB/T DC",
        ConnectorType.Nacs => "NACS",
        ConnectorType.Schuko => "Schuko",
        _ => type.ToString(),
    };

    public static string Power(int watts) =>
        (watts / 1000m).ToString(watts % 1000 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " kW";

    public static string Status(ConnectorStatus status) => status switch
    {
        ConnectorStatus.SuspendedEv => "Suspended (EV)",
        ConnectorStatus.SuspendedEvse => "Suspended (station)",
        ConnectorStatus.Unknown => "Unknown",
        _ => status.ToString(),
    };
}
