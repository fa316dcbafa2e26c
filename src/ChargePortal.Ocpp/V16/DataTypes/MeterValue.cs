using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

/// <summary>OCPP 1.6 MeterValue data type.</summary>
public sealed record MeterValue
{
    public required DateTimeOffset Timestamp { get; init; }

    public required IReadOnlyList<SampledValue> SampledValue { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
