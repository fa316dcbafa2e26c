using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V201;

/// <summary>Vendor-specific data: a vendorId plus any further properties the vendor defines.</summary>
public sealed record CustomData
{
    public required string VendorId { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
