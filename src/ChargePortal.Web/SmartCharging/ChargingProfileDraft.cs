namespace ChargePortal.Web.SmartCharging;

/// <summary>Version-neutral purposes the form offers; the station max purpose is named per version on the wire.</summary>
public enum DraftPurpose
{
    TxDefaultProfile,
    TxProfile,

    /// <summary>1.6 ChargePointMaxProfile, 2.0.1 ChargingStationMaxProfile.</summary>
    StationMaxProfile,
}

public enum DraftKind
{
    Absolute,
    Recurring,
    Relative,
}

public enum DraftRecurrency
{
    Daily,
    Weekly,
}

public enum DraftUnit
{
    W,
    A,
}

/// <summary>One step of a schedule: from <see cref="StartPeriodSeconds"/> after the schedule start, at most <see cref="Limit"/>.</summary>
public sealed class SchedulePeriodDraft
{
    public int StartPeriodSeconds { get; set; }
    public decimal Limit { get; set; }
}

/// <summary>The charging-profile form's values, before validation. Mutable because the form binds to it.</summary>
public sealed class ChargingProfileDraft
{
    public int ProfileId { get; set; } = 1;
    public int ConnectorId { get; set; }
    public DraftPurpose Purpose { get; set; } = DraftPurpose.TxDefaultProfile;
    public int StackLevel { get; set; }
    public DraftKind Kind { get; set; } = DraftKind.Absolute;
    public DraftRecurrency Recurrency { get; set; } = DraftRecurrency.Daily;
    public DraftUnit Unit { get; set; } = DraftUnit.W;

    /// <summary>Required for TxProfile: the transaction id as the station knows it.</summary>
    public string? TransactionId { get; set; }
    public int? DurationSeconds { get; set; }
    public DateTimeOffset? StartSchedule { get; set; }
    public List<SchedulePeriodDraft> Periods { get; set; } = [new() { StartPeriodSeconds = 0, Limit = 11_000 }];
}
