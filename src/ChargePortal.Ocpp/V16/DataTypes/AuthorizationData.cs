using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

/// <summary>OCPP 1.6 AuthorizationData data type.</summary>
public sealed record AuthorizationData
{
    public required string IdTag { get; init; }

    public IdTagInfo? IdTagInfo { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
