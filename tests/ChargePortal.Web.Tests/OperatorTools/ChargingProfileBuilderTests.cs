using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Validation;
using ChargePortal.Web.SmartCharging;

namespace ChargePortal.Web.Tests.OperatorTools;

public sealed class ChargingProfileBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private static ChargingProfileDraft Draft(Action<ChargingProfileDraft>? change = null)
    {
        var draft = new ChargingProfileDraft
        {
            ProfileId = 7,
            ConnectorId = 1,
            Purpose = DraftPurpose.TxDefaultProfile,
            StackLevel = 2,
            Kind = DraftKind.Absolute,
            StartSchedule = Start,
            DurationSeconds = 7200,
            Unit = DraftUnit.W,
            Periods = [new() { StartPeriodSeconds = 0, Limit = 11_000 }, new() { StartPeriodSeconds = 1800, Limit = 7_400.5m }],
        };
        change?.Invoke(draft);
        return draft;
    }

    private static void ShouldValidateAsSetChargingProfile(OcppVersion version, ChargingProfileDraft draft)
    {
        var operation = ChargingProfileBuilder.Operation(draft, version);
        var target = JsonSerializer.SerializeToElement(operation.Where.ConnectorId);
        var request = version == OcppVersion.V16
            ? new Dictionary<string, JsonElement> { ["connectorId"] = target, ["csChargingProfiles"] = operation.Profile }
            : new Dictionary<string, JsonElement> { ["evseId"] = target, ["chargingProfile"] = operation.Profile };
        var result = OcppSchemaValidator.Validate(version, "SetChargingProfile", OcppMessageKind.Request, JsonSerializer.SerializeToElement(request));
        result.IsValid.ShouldBeTrue(result.Description);
    }

    public static TheoryData<DraftPurpose, DraftKind, DraftUnit> Shapes()
    {
        var data = new TheoryData<DraftPurpose, DraftKind, DraftUnit>();
        foreach (var purpose in Enum.GetValues<DraftPurpose>())
        {
            foreach (var kind in Enum.GetValues<DraftKind>())
            {
                data.Add(purpose, kind, purpose == DraftPurpose.StationMaxProfile ? DraftUnit.A : DraftUnit.W);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_purpose_and_kind_builds_a_schema_valid_profile_for_both_versions(DraftPurpose purpose, DraftKind kind, DraftUnit unit)
    {
        var draft = Draft(d =>
        {
            d.Purpose = purpose;
            d.Kind = kind;
            d.Unit = unit;
            d.ConnectorId = purpose == DraftPurpose.StationMaxProfile ? 0 : 1;
            d.TransactionId = purpose == DraftPurpose.TxProfile ? "42" : null;
            d.StartSchedule = kind == DraftKind.Relative ? null : Start;
        });

        ChargingProfileBuilder.Validate(draft, OcppVersion.V16).ShouldBeEmpty();
        ChargingProfileBuilder.Validate(draft, OcppVersion.V201).ShouldBeEmpty();
        ShouldValidateAsSetChargingProfile(OcppVersion.V16, draft);
        ShouldValidateAsSetChargingProfile(OcppVersion.V201, draft);
    }

    [Fact]
    public void Ocpp16_profile_has_the_16_field_names_and_values()
    {
        var profile = ChargingProfileBuilder.Build(Draft(d => { d.Purpose = DraftPurpose.StationMaxProfile; d.ConnectorId = 0; }), OcppVersion.V16);

        profile.GetProperty("chargingProfileId").GetInt32().ShouldBe(7);
        profile.GetProperty("stackLevel").GetInt32().ShouldBe(2);
        profile.GetProperty("chargingProfilePurpose").GetString().ShouldBe("ChargePointMaxProfile");
        profile.GetProperty("chargingProfileKind").GetString().ShouldBe("Absolute");
        var schedule = profile.GetProperty("chargingSchedule");
        schedule.GetProperty("chargingRateUnit").GetString().ShouldBe("W");
        schedule.GetProperty("duration").GetInt32().ShouldBe(7200);
        schedule.GetProperty("startSchedule").GetDateTimeOffset().ShouldBe(Start);
        var periods = schedule.GetProperty("chargingSchedulePeriod");
        periods.GetArrayLength().ShouldBe(2);
        periods[1].GetProperty("startPeriod").GetInt32().ShouldBe(1800);
        periods[1].GetProperty("limit").GetDecimal().ShouldBe(7_400.5m);
    }

    [Fact]
    public void Ocpp201_profile_has_an_id_a_schedule_list_and_the_201_purpose_name()
    {
        var profile = ChargingProfileBuilder.Build(Draft(d =>
        {
            d.Purpose = DraftPurpose.TxProfile;
            d.TransactionId = "tx-abc";
            d.Kind = DraftKind.Recurring;
            d.Recurrency = DraftRecurrency.Weekly;
        }), OcppVersion.V201);

        profile.GetProperty("id").GetInt32().ShouldBe(7);
        profile.GetProperty("chargingProfilePurpose").GetString().ShouldBe("TxProfile");
        profile.GetProperty("transactionId").GetString().ShouldBe("tx-abc");
        profile.GetProperty("recurrencyKind").GetString().ShouldBe("Weekly");
        var schedules = profile.GetProperty("chargingSchedule");
        schedules.GetArrayLength().ShouldBe(1);
        schedules[0].GetProperty("id").GetInt32().ShouldBe(1);
        schedules[0].GetProperty("chargingSchedulePeriod").GetArrayLength().ShouldBe(2);

        ChargingProfileBuilder.Build(Draft(d => { d.Purpose = DraftPurpose.StationMaxProfile; d.ConnectorId = 0; }), OcppVersion.V201)
            .GetProperty("chargingProfilePurpose").GetString().ShouldBe("ChargingStationMaxProfile");
    }

    [Theory]
    [InlineData("first", "must start at 0 s")]
    [InlineData("not-increasing", "strictly increasing")]
    [InlineData("equal", "strictly increasing")]
    [InlineData("negative-limit", "must be 0 or more")]
    [InlineData("negative-start", "must not be negative")]
    [InlineData("two-decimals", "one decimal")]
    [InlineData("none", "at least one schedule period")]
    public void Bad_periods_are_named(string problem, string message)
    {
        List<SchedulePeriodDraft> periods = problem switch
        {
            "first" => [new() { StartPeriodSeconds = 60, Limit = 10 }],
            "not-increasing" => [new() { StartPeriodSeconds = 0, Limit = 10 }, new() { StartPeriodSeconds = 600, Limit = 10 }, new() { StartPeriodSeconds = 300, Limit = 10 }],
            "equal" => [new() { StartPeriodSeconds = 0, Limit = 10 }, new() { StartPeriodSeconds = 0, Limit = 5 }],
            "negative-limit" => [new() { StartPeriodSeconds = 0, Limit = -1 }],
            "negative-start" => [new() { StartPeriodSeconds = 0, Limit = 1 }, new() { StartPeriodSeconds = -5, Limit = 1 }],
            "two-decimals" => [new() { StartPeriodSeconds = 0, Limit = 10.25m }],
            _ => [],
        };

        var errors = ChargingProfileBuilder.Validate(Draft(d => d.Periods = periods), OcppVersion.V16);
        errors.ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
        Should.Throw<ArgumentException>(() => ChargingProfileBuilder.Build(Draft(d => d.Periods = periods), OcppVersion.V16));
    }

    [Fact]
    public void Zero_limit_is_allowed()
        => ChargingProfileBuilder.Validate(Draft(d => d.Periods = [new() { StartPeriodSeconds = 0, Limit = 0 }]), OcppVersion.V201).ShouldBeEmpty();

    [Theory]
    [InlineData("profile-id", "profile id must be a positive")]
    [InlineData("stack", "stack level must be 0 or more")]
    [InlineData("tx-without-id", "needs the transaction id")]
    [InlineData("tx-on-station", "connector of the running transaction")]
    [InlineData("tx-16-not-number", "whole number")]
    [InlineData("max-on-connector", "use connector 0")]
    [InlineData("relative-with-start", "leave the start time empty")]
    [InlineData("absolute-16-without-start", "needs a start time")]
    [InlineData("recurring-without-start", "recurring profile needs a start time")]
    [InlineData("daily-too-long", "must start within 86400 s")]
    [InlineData("duration", "duration must be positive")]
    public void Bad_profiles_are_named_for_16(string problem, string message)
    {
        var draft = Draft(d =>
        {
            switch (problem)
            {
                case "profile-id": d.ProfileId = 0; break;
                case "stack": d.StackLevel = -1; break;
                case "tx-without-id": d.Purpose = DraftPurpose.TxProfile; break;
                case "tx-on-station": d.Purpose = DraftPurpose.TxProfile; d.TransactionId = "1"; d.ConnectorId = 0; break;
                case "tx-16-not-number": d.Purpose = DraftPurpose.TxProfile; d.TransactionId = "abc"; break;
                case "max-on-connector": d.Purpose = DraftPurpose.StationMaxProfile; break;
                case "relative-with-start": d.Kind = DraftKind.Relative; break;
                case "absolute-16-without-start": d.StartSchedule = null; break;
                case "recurring-without-start": d.Kind = DraftKind.Recurring; d.StartSchedule = null; break;
                case "daily-too-long": d.Kind = DraftKind.Recurring; d.Periods.Add(new() { StartPeriodSeconds = 90_000, Limit = 1 }); break;
                case "duration": d.DurationSeconds = 0; break;
            }
        });

        ChargingProfileBuilder.Validate(draft, OcppVersion.V16).ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_201_transaction_id_may_be_text_and_an_absolute_profile_may_start_now()
    {
        var draft = Draft(d =>
        {
            d.Purpose = DraftPurpose.TxProfile;
            d.TransactionId = "b7e1-42";
            d.StartSchedule = null;
        });
        ChargingProfileBuilder.Validate(draft, OcppVersion.V201).ShouldBeEmpty();
        ShouldValidateAsSetChargingProfile(OcppVersion.V201, draft);
    }
}
