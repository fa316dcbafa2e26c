using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

/// <summary>OCPP 1.6 ChargingSchedulePeriod data type.</summary>
public sealed record ChargingSchedulePeriod
{
    public required int StartPeriod { get; init; }

    public required decimal Limit { get; init; }

    public int? NumberPhases { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
