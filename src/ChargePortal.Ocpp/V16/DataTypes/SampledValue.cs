using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

/// <summary>OCPP 1.6 SampledValue data type.</summary>
public sealed record SampledValue
{
    public required string Value { get; init; }

    public ReadingContext? Context { get; init; }

    public ValueFormat? Format { get; init; }

    public Measurand? Measurand { get; init; }

    public Phase? Phase { get; init; }

    public Location? Location { get; init; }

    public UnitOfMeasure? Unit { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
