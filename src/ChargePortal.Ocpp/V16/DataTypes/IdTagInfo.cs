using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

/// <summary>OCPP 1.6 IdTagInfo data type.</summary>
public sealed record IdTagInfo
{
    public required AuthorizationStatus Status { get; init; }

    public DateTimeOffset? ExpiryDate { get; init; }

    public string? ParentIdTag { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
