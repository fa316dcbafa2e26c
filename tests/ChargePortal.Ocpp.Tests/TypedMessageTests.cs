using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp.Validation;

namespace ChargePortal.Ocpp.Tests;

public class TypedMessageTests
{
    [Theory]
    [MemberData(nameof(ActionExamples.AllPayloads), MemberType = typeof(ActionExamples))]
    public void Example_validates_and_round_trips_through_its_record(OcppVersion version, string action, OcppMessageKind kind, string variant)
    {
        var payload = ActionExamples.Payload(version, action, kind, variant);
        OcppSchemaValidator.Validate(version, action, kind, payload).ShouldBe(OcppValidationResult.Valid);

        var typeInfo = OcppActionCatalog.For(version).Get(action).TypeInfo(kind);
        var record = JsonSerializer.Deserialize(payload, typeInfo);
        record.ShouldNotBeNull();
        record.GetType().Name.ShouldBe(action + kind);

        var written = JsonSerializer.SerializeToElement(record, typeInfo);
        OcppSchemaValidator.Validate(version, action, kind, written).ShouldBe(OcppValidationResult.Valid);
        JsonElement.DeepEquals(written, payload).ShouldBeTrue($"{written} != {payload}");
    }

    [Theory]
    [MemberData(nameof(ActionExamples.InvalidPayloads), MemberType = typeof(ActionExamples))]
    public void Known_invalid_variants_get_the_expected_code(OcppVersion version, string action, OcppMessageKind kind, string name, string json, OcppErrorCode code, string path)
    {
        using var document = JsonDocument.Parse(json);
        var result = OcppSchemaValidator.Validate(version, action, kind, document.RootElement);
        result.IsValid.ShouldBeFalse(name);
        result.ErrorCode.ShouldBe(code, name);
        result.Description.ShouldNotBeNull().ShouldStartWith(path + ":", Case.Sensitive, name);
    }

    [Theory]
    [MemberData(nameof(ActionExamples.AllActions), MemberType = typeof(ActionExamples))]
    public void Missing_required_extra_property_and_wrong_type_are_rejected_with_the_spec_codes(OcppVersion version, string action, OcppMessageKind kind)
    {
        var minimal = JsonNode.Parse(ActionExamples.Payload(version, action, kind, "minimal").GetRawText())!.AsObject();

        foreach (var (name, value) in minimal)
        {
            var without = minimal.DeepClone().AsObject();
            without.Remove(name);
            Expect(without, OcppErrorCode.OccurrenceConstraintViolation, $"$.{name}:");

            var wrongType = minimal.DeepClone().AsObject();
            wrongType[name] = value!.GetValueKind() == JsonValueKind.String ? JsonValue.Create(12345) : JsonValue.Create("text");
            Expect(wrongType, OcppErrorCode.TypeConstraintViolation, $"$.{name}:");
        }

        var extra = minimal.DeepClone().AsObject();
        extra["notInTheSpec"] = 1;
        Expect(extra, OcppErrorCode.FormationViolation, "$.notInTheSpec:");

        void Expect(JsonObject payload, OcppErrorCode code, string descriptionStart)
        {
            var result = OcppSchemaValidator.Validate(version, action, kind, JsonSerializer.SerializeToElement(payload));
            result.ErrorCode.ShouldBe(code, payload.ToJsonString());
            result.Description.ShouldNotBeNull().ShouldStartWith(descriptionStart);
        }
    }

    [Fact]
    public void Catalogs_cover_all_1_6_profiles_and_the_2_0_1_blocks()
    {
        var v16 = OcppActionCatalog.For(OcppVersion.V16);
        v16.Actions.Count.ShouldBe(39);
        v16.Get("BootNotification").Initiator.ShouldBe(OcppInitiator.ChargingStation);
        v16.Get("RemoteStartTransaction").Initiator.ShouldBe(OcppInitiator.Csms);
        v16.Get("DataTransfer").Initiator.ShouldBe(OcppInitiator.Both);
        v16.Get("SetChargingProfile").RequestType.ShouldBe(typeof(V16.SetChargingProfileRequest));
        string[] whitepaperFromStation = ["LogStatusNotification", "SecurityEventNotification", "SignCertificate", "SignedFirmwareStatusNotification"];
        string[] whitepaperFromCsms =
        [
            "CertificateSigned", "DeleteCertificate", "ExtendedTriggerMessage", "GetInstalledCertificateIds", "GetLog", "InstallCertificate",
            "SignedUpdateFirmware",
        ];
        foreach (var action in whitepaperFromStation.Concat(whitepaperFromCsms))
        {
            OcppSchemaValidator.HasSchema(OcppVersion.V16, action).ShouldBeTrue(action);
            var descriptor = v16.Get(action);
            descriptor.Initiator.ShouldBe(whitepaperFromStation.Contains(action) ? OcppInitiator.ChargingStation : OcppInitiator.Csms, action);
            descriptor.RequestType.Namespace.ShouldBe("ChargePortal.Ocpp.V16");
            ActionExamples.For(OcppVersion.V16).ContainsKey(action).ShouldBeTrue(action);
        }


        var v201 = OcppActionCatalog.For(OcppVersion.V201);
        string[] required =
        [
            "SecurityEventNotification", "SignCertificate", "CertificateSigned", "BootNotification", "GetVariables", "SetVariables",
            "GetBaseReport", "GetReport", "NotifyReport", "Reset", "SetNetworkProfile", "Authorize", "ClearCache", "SendLocalList",
            "GetLocalListVersion", "TransactionEvent", "GetTransactionStatus", "RequestStartTransaction", "RequestStopTransaction",
            "TriggerMessage", "UnlockConnector", "StatusNotification", "Heartbeat", "ChangeAvailability", "ReserveNow",
            "CancelReservation", "ReservationStatusUpdate", "CostUpdated", "MeterValues", "SetChargingProfile", "GetChargingProfiles",
            "ReportChargingProfiles", "ClearChargingProfile", "GetCompositeSchedule", "ClearedChargingLimit", "NotifyChargingLimit",
            "NotifyEVChargingNeeds", "NotifyEVChargingSchedule", "UpdateFirmware", "FirmwareStatusNotification", "PublishFirmware",
            "GetLog", "LogStatusNotification", "NotifyEvent", "SetMonitoringBase", "SetVariableMonitoring", "DataTransfer",
        ];
        foreach (var action in required)
        {
            v201.TryGet(action, out var descriptor).ShouldBeTrue(action);
            OcppSchemaValidator.HasSchema(OcppVersion.V201, action).ShouldBeTrue(action);
            descriptor.RequestType.Namespace.ShouldBe("ChargePortal.Ocpp.V201");
        }

        v201.Get("TransactionEvent").Initiator.ShouldBe(OcppInitiator.ChargingStation);
        v201.Get("RequestStartTransaction").Initiator.ShouldBe(OcppInitiator.Csms);
        v201.TryGetByRequestType(typeof(V201.HeartbeatRequest), out var heartbeat).ShouldBeTrue();
        heartbeat.Action.ShouldBe("Heartbeat");
    }

    [Fact]
    public void Enums_are_written_as_their_exact_OCPP_strings_and_nulls_are_omitted()
    {
        var value = new V16.SampledValue { Value = "1.5", Measurand = V16.Measurand.EnergyActiveImportRegister, Phase = V16.Phase.L1N, Unit = V16.UnitOfMeasure.KWh };
        var json = JsonSerializer.Serialize(value, V16.V16JsonContext.Default.SampledValue);
        json.ShouldBe("""{"value":"1.5","measurand":"Energy.Active.Import.Register","phase":"L1-N","unit":"kWh"}""");

        var token = new V201.IdToken { Value = "04A2B3", Type = V201.IdTokenEnum.ISO14443 };
        JsonSerializer.Serialize(token, V201.V201JsonContext.Default.IdToken).ShouldBe("""{"idToken":"04A2B3","type":"ISO14443"}""");
    }
}
