using System.Globalization;
using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Web.Ocpp.Commands;
using V16 = ChargePortal.Ocpp.V16;
using V201 = ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.SmartCharging;

/// <summary>
/// Checks a <see cref="ChargingProfileDraft"/> and turns it into the station version's profile JSON
/// (1.6 ChargingProfile, 2.0.1 ChargingProfileType) for the SetChargingProfile operation.
/// </summary>
public static class ChargingProfileBuilder
{
    /// <summary>The schedule periods' problems alone, so the period editor can show them as the user types.</summary>
    public static IReadOnlyList<string> ValidatePeriods(IReadOnlyList<SchedulePeriodDraft> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var errors = new List<string>();
        if (periods.Count == 0)
        {
            errors.Add("Add at least one schedule period.");
            return errors;
        }

        if (periods[0].StartPeriodSeconds != 0)
        {
            errors.Add($"The first period must start at 0 s, not {periods[0].StartPeriodSeconds} s.");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].StartPeriodSeconds < 0)
            {
                errors.Add($"Period {i + 1}: the start must not be negative ({periods[i].StartPeriodSeconds} s).");
            }

            if (i > 0 && periods[i].StartPeriodSeconds <= periods[i - 1].StartPeriodSeconds)
            {
                errors.Add($"Period {i + 1}: starts must be strictly increasing ({periods[i].StartPeriodSeconds} s does not come after {periods[i - 1].StartPeriodSeconds} s).");
            }

            if (periods[i].Limit < 0)
            {
                errors.Add($"Period {i + 1}: the limit must be 0 or more, not {periods[i].Limit.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (decimal.Round(periods[i].Limit, 1) != periods[i].Limit)
            {
                errors.Add($"Period {i + 1}: the limit allows one decimal at most ({periods[i].Limit.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        return errors;
    }

    /// <summary>Every problem of the draft for <paramref name="version"/>; empty means <see cref="Build"/> will succeed.</summary>
    public static IReadOnlyList<string> Validate(ChargingProfileDraft draft, OcppVersion version)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<string>();
        if (draft.ProfileId <= 0)
        {
            errors.Add($"The profile id must be a positive number, not {draft.ProfileId}.");
        }

        if (draft.StackLevel < 0)
        {
            errors.Add($"The stack level must be 0 or more, not {draft.StackLevel}.");
        }

        if (draft.ConnectorId < 0)
        {
            errors.Add($"The connector must be 0 (the whole station) or more, not {draft.ConnectorId}.");
        }

        if (draft.Purpose == DraftPurpose.StationMaxProfile && draft.ConnectorId != 0)
        {
            errors.Add("A station maximum profile applies to the whole station: use connector 0.");
        }

        if (draft.Purpose == DraftPurpose.TxProfile)
        {
            if (draft.ConnectorId == 0)
            {
                errors.Add("A transaction profile needs the connector of the running transaction, not 0.");
            }

            if (string.IsNullOrWhiteSpace(draft.TransactionId))
            {
                errors.Add("A transaction profile needs the transaction id.");
            }
            else if (version == OcppVersion.V16 && !int.TryParse(draft.TransactionId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"An OCPP 1.6 transaction id is a whole number, not \"{draft.TransactionId}\".");
            }
            else if (draft.TransactionId.Length > 36)
            {
                errors.Add("A transaction id has at most 36 characters.");
            }
        }

        if (draft.DurationSeconds is <= 0)
        {
            errors.Add($"The duration must be positive (seconds), not {draft.DurationSeconds}.");
        }

        if (draft.Kind == DraftKind.Relative && draft.StartSchedule is not null)
        {
            errors.Add("A relative profile starts with the transaction: leave the start time empty.");
        }

        if (draft.Kind == DraftKind.Absolute && draft.StartSchedule is null && version == OcppVersion.V16)
        {
            // 1.6 leaves an absolute schedule without start undefined; stations handle it differently.
            errors.Add("An absolute profile needs a start time.");
        }

        if (draft.Kind == DraftKind.Recurring && draft.StartSchedule is null)
        {
            errors.Add("A recurring profile needs a start time (the moment each day or week repeats from).");
        }

        errors.AddRange(ValidatePeriods(draft.Periods));
        if (draft.Kind == DraftKind.Recurring && draft.Periods.Count > 0)
        {
            var cycle = draft.Recurrency == DraftRecurrency.Daily ? 86_400 : 604_800;
            if (draft.Periods[^1].StartPeriodSeconds >= cycle)
            {
                errors.Add($"A {draft.Recurrency.ToString().ToLowerInvariant()} profile's periods must start within {cycle} s.");
            }
        }

        return errors;
    }

    /// <summary>The profile as JSON for <paramref name="version"/>; throws if <see cref="Validate"/> reports problems.</summary>
    public static JsonElement Build(ChargingProfileDraft draft, OcppVersion version)
    {
        var errors = Validate(draft, version);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(draft));
        }

        return version == OcppVersion.V16
            ? JsonSerializer.SerializeToElement(Build16(draft), V16.V16JsonContext.Default.ChargingProfile)
            : JsonSerializer.SerializeToElement(Build201(draft), V201.V201JsonContext.Default.ChargingProfile);
    }

    /// <summary>The SetChargingProfile operation for <paramref name="draft"/>; throws if <see cref="Validate"/> reports problems.</summary>
    public static SetChargingProfileArguments Operation(ChargingProfileDraft draft, OcppVersion version)
        => new(new ConnectorAddress(draft.ConnectorId, null), Build(draft, version));

    /// <summary>The neutral purpose of a drafted one.</summary>
    public static ProfilePurpose Purpose(DraftPurpose purpose) => purpose switch
    {
        DraftPurpose.StationMaxProfile => ProfilePurpose.StationMaxProfile,
        DraftPurpose.TxDefaultProfile => ProfilePurpose.TxDefaultProfile,
        _ => ProfilePurpose.TxProfile,
    };

    private static V16.ChargingProfile Build16(ChargingProfileDraft d) => new()
    {
        ChargingProfileId = d.ProfileId,
        StackLevel = d.StackLevel,
        TransactionId = d.Purpose == DraftPurpose.TxProfile ? int.Parse(d.TransactionId!, CultureInfo.InvariantCulture) : null,
        ChargingProfilePurpose = d.Purpose switch
        {
            DraftPurpose.TxProfile => V16.ChargingProfilePurpose.TxProfile,
            DraftPurpose.StationMaxProfile => V16.ChargingProfilePurpose.ChargePointMaxProfile,
            _ => V16.ChargingProfilePurpose.TxDefaultProfile,
        },
        ChargingProfileKind = Enum.Parse<V16.ChargingProfileKind>(d.Kind.ToString()),
        RecurrencyKind = d.Kind == DraftKind.Recurring ? Enum.Parse<V16.RecurrencyKind>(d.Recurrency.ToString()) : null,
        ChargingSchedule = new V16.ChargingSchedule
        {
            Duration = d.DurationSeconds,
            StartSchedule = d.StartSchedule?.ToUniversalTime(),
            ChargingRateUnit = d.Unit == DraftUnit.A ? V16.ChargingRateUnit.A : V16.ChargingRateUnit.W,
            ChargingSchedulePeriod = [.. d.Periods.Select(p => new V16.ChargingSchedulePeriod { StartPeriod = p.StartPeriodSeconds, Limit = p.Limit })],
        },
    };

    private static V201.ChargingProfile Build201(ChargingProfileDraft d) => new()
    {
        Id = d.ProfileId,
        StackLevel = d.StackLevel,
        TransactionId = d.Purpose == DraftPurpose.TxProfile ? d.TransactionId : null,
        ChargingProfilePurpose = d.Purpose switch
        {
            DraftPurpose.TxProfile => V201.ChargingProfilePurposeEnum.TxProfile,
            DraftPurpose.StationMaxProfile => V201.ChargingProfilePurposeEnum.ChargingStationMaxProfile,
            _ => V201.ChargingProfilePurposeEnum.TxDefaultProfile,
        },
        ChargingProfileKind = Enum.Parse<V201.ChargingProfileKindEnum>(d.Kind.ToString()),
        RecurrencyKind = d.Kind == DraftKind.Recurring ? Enum.Parse<V201.RecurrencyKindEnum>(d.Recurrency.ToString()) : null,
        ChargingSchedule =
        [
            new V201.ChargingSchedule
            {
                // One schedule per profile: its id only has to be unique within the profile.
                Id = 1,
                Duration = d.DurationSeconds,
                StartSchedule = d.StartSchedule?.ToUniversalTime(),
                ChargingRateUnit = d.Unit == DraftUnit.A ? V201.ChargingRateUnitEnum.A : V201.ChargingRateUnitEnum.W,
                ChargingSchedulePeriod = [.. d.Periods.Select(p => new V201.ChargingSchedulePeriod { StartPeriod = p.StartPeriodSeconds, Limit = p.Limit })],
            },
        ],
    };
}
