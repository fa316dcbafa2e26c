using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V16;

/// <summary>OCPP 1.6 ChargingProfile data type.</summary>
public sealed record ChargingProfile
{
    public required int ChargingProfileId { get; init; }

    public int? TransactionId { get; init; }

    public required int StackLevel { get; init; }

    public required ChargingProfilePurpose ChargingProfilePurpose { get; init; }

    public required ChargingProfileKind ChargingProfileKind { get; init; }

    public RecurrencyKind? RecurrencyKind { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public required ChargingSchedule ChargingSchedule { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
