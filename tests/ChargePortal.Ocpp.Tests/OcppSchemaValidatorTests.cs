using System.Text.Json;
using ChargePortal.Ocpp.Validation;

namespace ChargePortal.Ocpp.Tests;

public class OcppSchemaValidatorTests
{
    private static OcppValidationResult Validate(OcppVersion version, string action, OcppMessageKind kind, string json)
    {
        using var document = JsonDocument.Parse(json);
        return OcppSchemaValidator.Validate(version, action, kind, document.RootElement);
    }

    public static TheoryData<OcppVersion, string, OcppMessageKind, string, OcppErrorCode, string> Invalid => new()
    {
        // missing required
        { OcppVersion.V16, "StatusNotification", OcppMessageKind.Request, """{"connectorId":1,"status":"Available"}""", OcppErrorCode.OccurrenceConstraintViolation, "$.errorCode" },
        { OcppVersion.V201, "BootNotification", OcppMessageKind.Request, """{"reason":"PowerUp","chargingStation":{"vendorName":"V"}}""", OcppErrorCode.OccurrenceConstraintViolation, "$.chargingStation.model" },
        // wrong type, integer vs number
        { OcppVersion.V16, "StatusNotification", OcppMessageKind.Request, """{"connectorId":"1","errorCode":"NoError","status":"Available"}""", OcppErrorCode.TypeConstraintViolation, "$.connectorId: expected integer" },
        { OcppVersion.V16, "StatusNotification", OcppMessageKind.Request, """{"connectorId":1.5,"errorCode":"NoError","status":"Available"}""", OcppErrorCode.TypeConstraintViolation, "$.connectorId: expected integer" },
        { OcppVersion.V201, "Heartbeat", OcppMessageKind.Response, """{"currentTime":12}""", OcppErrorCode.TypeConstraintViolation, "$.currentTime: expected string" },
        // bad enum
        { OcppVersion.V16, "StatusNotification", OcppMessageKind.Request, """{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}""", OcppErrorCode.PropertyConstraintViolation, "$.status" },
        { OcppVersion.V201, "BootNotification", OcppMessageKind.Request, """{"reason":"Sunrise","chargingStation":{"vendorName":"V","model":"M"}}""", OcppErrorCode.PropertyConstraintViolation, "$.reason" },
        // too long
        { OcppVersion.V16, "Authorize", OcppMessageKind.Request, """{"idTag":"123456789012345678901"}""", OcppErrorCode.PropertyConstraintViolation, "$.idTag" },
        { OcppVersion.V201, "BootNotification", OcppMessageKind.Request, """{"reason":"PowerUp","chargingStation":{"vendorName":"V","model":"012345678901234567890"}}""", OcppErrorCode.PropertyConstraintViolation, "$.chargingStation.model" },
        // extra property
        { OcppVersion.V16, "Heartbeat", OcppMessageKind.Request, """{"foo":1}""", OcppErrorCode.FormationViolation, "$.foo" },
        { OcppVersion.V201, "Heartbeat", OcppMessageKind.Request, """{"foo":1}""", OcppErrorCode.FormationViolation, "$.foo" },
        // date-time format
        { OcppVersion.V16, "Heartbeat", OcppMessageKind.Response, """{"currentTime":"yesterday"}""", OcppErrorCode.PropertyConstraintViolation, "$.currentTime" },
        { OcppVersion.V201, "Heartbeat", OcppMessageKind.Response, """{"currentTime":"2024-01-01T10:00:00"}""", OcppErrorCode.PropertyConstraintViolation, "$.currentTime" },
        // multipleOf 0.1 (1.6 charging schedule limit)
        { OcppVersion.V16, "SetChargingProfile", OcppMessageKind.Request, """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.05}]}}}""", OcppErrorCode.PropertyConstraintViolation, "$.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit" },
        // minItems (2.0.1 arrays)
        { OcppVersion.V201, "GetVariables", OcppMessageKind.Request, """{"getVariableData":[]}""", OcppErrorCode.OccurrenceConstraintViolation, "$.getVariableData" },
        // maximum (2.0.1 state of charge 0..100)
        { OcppVersion.V201, "NotifyEVChargingNeeds", OcppMessageKind.Request, """{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":100,"evMaxVoltage":400,"stateOfCharge":101}}}""", OcppErrorCode.PropertyConstraintViolation, "$.chargingNeeds.dcChargingParameters.stateOfCharge: must be <= 100" },
        // uri format (1.6 security extension)
        { OcppVersion.V16, "GetDiagnostics", OcppMessageKind.Request, """{"location":"not a uri"}""", OcppErrorCode.PropertyConstraintViolation, "$.location" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_payloads_map_to_the_spec_code_and_name_the_path(OcppVersion version, string action, OcppMessageKind kind, string json, OcppErrorCode code, string descriptionStart)
    {
        var result = Validate(version, action, kind, json);

        result.IsValid.ShouldBeFalse();
        result.ErrorCode.ShouldBe(code);
        result.Description.ShouldNotBeNull().ShouldStartWith(descriptionStart);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "Heartbeat", OcppMessageKind.Request, "{}")]
    [InlineData(OcppVersion.V16, "StatusNotification", OcppMessageKind.Request, """{"connectorId":1.0,"errorCode":"NoError","status":"Available","timestamp":"2024-05-01T10:00:00.123+02:00"}""")]
    [InlineData(OcppVersion.V16, "Authorize", OcppMessageKind.Request, """{"idTag":"12345678901234567890"}""")]
    [InlineData(OcppVersion.V16, "Authorize", OcppMessageKind.Request, """{"idTag":"ÄÖÜäöüßÄÖÜäöüßÄÖÜäöü"}""")]
    [InlineData(OcppVersion.V16, "Authorize", OcppMessageKind.Request, """{"idTag":"\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc\u00df\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc\u00df\u00c4\u00d6\u00dc\u00e4\u00f6\u00fc"}""")]
    [InlineData(OcppVersion.V201, "Heartbeat", OcppMessageKind.Request, """{"customData":{"vendorId":"X","anything":[1,2]}}""")]
    [InlineData(OcppVersion.V201, "Heartbeat", OcppMessageKind.Response, """{"currentTime":"2024-01-01T10:00:00Z"}""")]
    public void Valid_payloads_pass(OcppVersion version, string action, OcppMessageKind kind, string json)
    {
        var result = Validate(version, action, kind, json);
        result.Description.ShouldBeNull();
        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Unknown_action_is_NotImplemented()
    {
        OcppSchemaValidator.HasSchema(OcppVersion.V16, "Teleport").ShouldBeFalse();
        OcppSchemaValidator.HasSchema(OcppVersion.V16, "BootNotification").ShouldBeTrue();
        OcppSchemaValidator.HasSchema(OcppVersion.V16, "bootnotification").ShouldBeFalse();
        OcppSchemaValidator.HasSchema(OcppVersion.V201, "TransactionEvent").ShouldBeTrue();
        OcppSchemaValidator.HasSchema(OcppVersion.V16, "TransactionEvent").ShouldBeFalse();
        Validate(OcppVersion.V201, "Teleport", OcppMessageKind.Request, "{}").ErrorCode.ShouldBe(OcppErrorCode.NotImplemented);
    }

    [Fact]
    public void Every_vendored_schema_compiles()
    {
        OcppSchemaValidator.Actions(OcppVersion.V16).Count.ShouldBe(39);
        OcppSchemaValidator.Actions(OcppVersion.V201).Count.ShouldBe(64);
        using var empty = JsonDocument.Parse("{}");
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            foreach (var action in OcppSchemaValidator.Actions(version))
            {
                // Any result is fine; compiling must not throw.
                _ = OcppSchemaValidator.Validate(version, action, OcppMessageKind.Request, empty.RootElement);
                _ = OcppSchemaValidator.Validate(version, action, OcppMessageKind.Response, empty.RootElement);
            }
        }
    }

    [Fact]
    public void Concurrent_first_use_compiles_once_and_validates_everywhere()
    {
        var results = new OcppValidationResult[32];
        Parallel.For(0, results.Length, i => results[i] = Validate(OcppVersion.V201, "NotifyReport", OcppMessageKind.Request, """{"requestId":1,"generatedAt":"2024-01-01T00:00:00Z","seqNo":0}"""));
        results.ShouldAllBe(r => r.IsValid);
    }

    [Fact]
    public void Violations_lists_every_failure_with_its_path_where_Validate_stops_at_the_first()
    {
        const string json = """
            {"reason":"Sunrise","chargingStation":{"vendorName":"V","model":"012345678901234567890","modem":{"iccid":5}},
             "surplus":true}
            """;
        using var document = JsonDocument.Parse(json);

        var violations = OcppSchemaValidator.Violations(OcppVersion.V201, "BootNotification", OcppMessageKind.Request, document.RootElement);

        violations.Select(v => v.Path).ShouldBe(["$.reason", "$.chargingStation.model", "$.chargingStation.modem.iccid", "$.surplus"], ignoreOrder: true);
        violations.Single(v => v.Path == "$.chargingStation.modem.iccid").Code.ShouldBe(OcppErrorCode.TypeConstraintViolation);
        violations.Single(v => v.Path == "$.surplus").Code.ShouldBe(OcppErrorCode.FormationViolation);
        OcppSchemaValidator.Validate(OcppVersion.V201, "BootNotification", OcppMessageKind.Request, document.RootElement).Description.ShouldStartWith("$.reason");
    }

    [Fact]
    public void Violations_of_a_valid_payload_and_of_arrays_of_objects()
    {
        using var valid = JsonDocument.Parse("""{"requestId":1,"reportBase":"FullInventory"}""");
        OcppSchemaValidator.Violations(OcppVersion.V201, "GetBaseReport", OcppMessageKind.Request, valid.RootElement).ShouldBeEmpty();

        using var items = JsonDocument.Parse("""{"getVariableData":[{"component":{"name":"A"}},{"component":{},"variable":{"name":"B"}}]}""");
        OcppSchemaValidator.Violations(OcppVersion.V201, "GetVariables", OcppMessageKind.Request, items.RootElement).Select(v => v.Path)
            .ShouldBe(["$.getVariableData[0].variable", "$.getVariableData[1].component.name"], ignoreOrder: true);

        Should.Throw<KeyNotFoundException>(() => OcppSchemaValidator.Violations(OcppVersion.V16, "GetBaseReport", OcppMessageKind.Request, valid.RootElement));
    }

    [Fact]
    public void Every_request_skeleton_of_both_versions_is_schema_valid()
    {
        var now = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            foreach (var action in OcppSchemaValidator.Actions(version))
            {
                using var skeleton = JsonDocument.Parse(OcppSchemaValidator.RequestSkeleton(version, action, now));
                OcppSchemaValidator.Violations(version, action, OcppMessageKind.Request, skeleton.RootElement)
                    .ShouldBeEmpty($"{version} {action}: {skeleton.RootElement}");
            }
        }

        using var report = JsonDocument.Parse(OcppSchemaValidator.RequestSkeleton(OcppVersion.V201, "GetBaseReport", now));
        report.RootElement.GetProperty("reportBase").GetString().ShouldBe("ConfigurationInventory");
        report.RootElement.GetProperty("requestId").GetInt32().ShouldBe(0);
    }
}
