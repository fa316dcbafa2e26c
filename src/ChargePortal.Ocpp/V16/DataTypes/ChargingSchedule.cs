using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

/// <summary>OCPP 1.6 ChargingSchedule data type.</summary>
public sealed record ChargingSchedule
{
    public int? Duration { get; init; }

    public DateTimeOffset? StartSchedule { get; init; }

    public required ChargingRateUnit ChargingRateUnit { get; init; }

    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    public decimal? MinChargingRate { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
