namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of SmartCharging, members serialized as their exact OCPP strings.

/// <summary>Source of the charging limit.</summary>
public enum ChargingLimitSourceEnum
{
    EMS,
    Other,
    SO,
    CSO,
}

/// <summary>Indicates the kind of schedule.</summary>
public enum ChargingProfileKindEnum
{
    Absolute,
    Recurring,
    Relative,
}

/// <summary>Specifies to purpose of the charging profiles that will be cleared, if they meet the other criteria in the request.</summary>
public enum ChargingProfilePurposeEnum
{
    ChargingStationExternalConstraints,
    ChargingStationMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

/// <summary>Returns whether the Charging Station has been able to process the message successfully. This does not guarantee the schedule will be followed to the letter. There might be other constraints the Charging Station may need to take into account.</summary>
public enum ChargingProfileStatusEnum
{
    Accepted,
    Rejected,
}

/// <summary>Can be used to force a power or current profile.</summary>
public enum ChargingRateUnitEnum
{
    W,
    A,
}

/// <summary>Indicates if the Charging Station was able to execute the request.</summary>
public enum ClearChargingProfileStatusEnum
{
    Accepted,
    Unknown,
}

/// <summary>This indicates whether the Charging Station is able to process this request and will send ReportChargingProfilesRequest messages.</summary>
public enum GetChargingProfileStatusEnum
{
    Accepted,
    NoProfiles,
}

/// <summary>Returns whether the CSMS has been able to process the message successfully. It does not imply that the evChargingNeeds can be met with the current charging profile.</summary>
public enum NotifyEVChargingNeedsStatusEnum
{
    Accepted,
    Rejected,
    Processing,
}

/// <summary>Indicates the start point of a recurrence.</summary>
public enum RecurrencyKindEnum
{
    Daily,
    Weekly,
}
