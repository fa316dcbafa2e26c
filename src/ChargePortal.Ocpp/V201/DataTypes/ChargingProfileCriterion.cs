using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargePortal.Ocpp.V201;

/// <summary>A ChargingProfile consists of ChargingSchedule, describing the amount of power or current that can be delivered per time interval.</summary>
public sealed record ChargingProfileCriterion
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Defines the purpose of the schedule transferred by this profile</summary>
    public ChargingProfilePurposeEnum? ChargingProfilePurpose { get; init; }

    /// <summary>Value determining level in hierarchy stack of profiles. Higher values have precedence over lower values. Lowest level is 0.</summary>
    public int? StackLevel { get; init; }

    /// <summary>List of all the chargingProfileIds requested. Any ChargingProfile that matches one of these profiles will be reported. If omitted, the Charging Station SHALL not filter on chargingProfileId. This field SHALL NOT contain more ids than set in ChargingProfileEntries.maxLimit</summary>
    public IReadOnlyList<int>? ChargingProfileId { get; init; }

    /// <summary>For which charging limit sources, charging profiles SHALL be reported. If omitted, the Charging Station SHALL not filter on chargingLimitSource.</summary>
    public IReadOnlyList<ChargingLimitSourceEnum>? ChargingLimitSource { get; init; }

    /// <summary>Vendor-specific properties this type allows beyond the ones above.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
