namespace ChargePortal.Ocpp.V201;

/// <summary>A ChargingProfile consists of ChargingSchedule, describing the amount of power or current that can be delivered per time interval.</summary>
public sealed record ChargingProfile
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Id of ChargingProfile.</summary>
    public required int Id { get; init; }

    /// <summary>Value determining level in hierarchy stack of profiles. Higher values have precedence over lower values. Lowest level is 0.</summary>
    public required int StackLevel { get; init; }

    /// <summary>Defines the purpose of the schedule transferred by this profile</summary>
    public required ChargingProfilePurposeEnum ChargingProfilePurpose { get; init; }

    /// <summary>Indicates the kind of schedule.</summary>
    public required ChargingProfileKindEnum ChargingProfileKind { get; init; }

    /// <summary>Indicates the start point of a recurrence.</summary>
    public RecurrencyKindEnum? RecurrencyKind { get; init; }

    /// <summary>Point in time at which the profile starts to be valid. If absent, the profile is valid as soon as it is received by the Charging Station.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Point in time at which the profile stops to be valid. If absent, the profile is valid until it is replaced by another profile.</summary>
    public DateTimeOffset? ValidTo { get; init; }

    public required IReadOnlyList<ChargingSchedule> ChargingSchedule { get; init; }

    /// <summary>SHALL only be included if ChargingProfilePurpose is set to TxProfile. The transactionId is used to match the profile to a specific transaction.</summary>
    public string? TransactionId { get; init; }
}
