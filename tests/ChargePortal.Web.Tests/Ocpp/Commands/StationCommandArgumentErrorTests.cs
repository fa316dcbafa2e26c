using ChargePortal.Web.Ocpp.Commands;
using static ChargePortal.Web.Tests.Ocpp.Commands.CommandTestSupport;

namespace ChargePortal.Web.Tests.Ocpp.Commands;

/// <summary>Bad bodies give a specific message naming the field, before (parser) or while (adapter) building the call.</summary>
public sealed class StationCommandArgumentErrorTests
{
    private const string Profile16 = """{"chargingProfileId":3,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000}]}}""";

    /// <summary>Version-independent errors: command, body, field, message fragment.</summary>
    public static TheoryData<string, string, string?, string> ParserCases { get; } = new()
    {
        { "remote-start", "{}", "idTag", "idTag is required." },
        { "set-network-profile", "{}", null, "set-network-profile is sent with POST /api/stations/{id}/network-profiles" },
        { "cost-updated", """{"transactionId":"t"}""", "totalCost", "totalCost is required." },
        { "certificate-signed", "{}", "certificateChain", "certificateChain is required." },
        { "certificate-signed", """{"certificateChain":"not a certificate"}""", "certificateChain", "certificateChain must be PEM" },
        { "install-certificate", """{"certificateType":"CSMSRootCertificate","certificate":"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"}""", "certificate", "certificate is not a readable X.509 certificate" },
        { "install-certificate", """{"certificateType":"ChargingStationCertificate","certificate":"x"}""", "certificateType", "certificateType must be one of CSMSRootCertificate, CentralSystemRootCertificate, ManufacturerRootCertificate, V2GRootCertificate, MORootCertificate" },
        { "delete-certificate", """{"hashAlgorithm":"MD5","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"1"}""", "hashAlgorithm", "hashAlgorithm must be one of SHA256, SHA384, SHA512" },
        { "delete-certificate", """{"hashAlgorithm":"SHA256","issuerNameHash":"a","issuerKeyHash":"b"}""", "serialNumber", "serialNumber is required." },
        { "get-installed-certificate-ids", """{"certificateTypes":["Everything"]}""", "certificateTypes", "certificateTypes[0] must be one of" },
        { "cost-updated", """{"transactionId":"t","totalCost":"1"}""", "totalCost", "totalCost must be a number, got \"1\"." },
        { "set-display-message", """{"priority":"InFront","content":"x"}""", "id", "id is required." },
        { "set-display-message", """{"id":1,"priority":"InFront","format":"URI","content":"not a uri"}""", null, "content must be an absolute URI for format URI" },
        { "set-display-message", """{"id":1,"priority":"InFront","content":"x","transactionId":"0123456789012345678901234567890123456"}""", "transactionId", "transactionId must be at most 36 characters" },
        { "clear-display-message", """{"id":-1}""", "id", "id must be >= 0, got -1." },
        { "customer-information", """{"report":true,"clear":false,"customerCertificate":{"hashAlgorithm":"MD5","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"1"}}""", "customerCertificate.hashAlgorithm", "customerCertificate.hashAlgorithm must be one of SHA256, SHA384, SHA512" },
        { "customer-information", """{"report":true,"clear":false,"idToken":{"idToken":"x","type":"Rfid"}}""", "idToken.type", "idToken.type must be one of Central, eMAID, ISO14443" },
        { "remote-start", """{"idTag":""}""", "idTag", "idTag must not be empty." },
        { "remote-start", """{"idTag":"X","connectorId":"1"}""", "connectorId", "connectorId must be an integer, got \"1\"." },
        { "remote-start", """{"idTag":"X","connectorId":1.5}""", "connectorId", "connectorId must be an integer, got the number 1.5." },
        { "remote-start", """{"idTag":"X","connectorId":0}""", "connectorId", "connectorId must be >= 1, got 0." },
        { "remote-start", """{"idtag":"X"}""", "idtag", "Unknown property 'idtag' for remote-start (did you mean 'idTag'?); allowed: idTag, connectorId, evseId." },
        { "remote-start", """{"idTag":"X","idTag":"Y"}""", "idTag", "Property 'idTag' appears more than once." },
        { "remote-start", """{"idTag":"0123456789012345678901234567890123456"}""", "idTag", "idTag must be at most 36 characters, got 37." },
        { "remote-start", "[]", null, "The body of remote-start must be a JSON object, got an array." },
        { "remote-stop", "{}", "transactionId", "transactionId is required." },
        { "remote-stop", """{"transactionId":true}""", "transactionId", "transactionId must be a string, got true." },
        { "unlock", "{}", "connectorId", "connectorId is required (or evseId for an OCPP 2.0.1 station)." },
        { "unlock", """{"connectorId":-1}""", "connectorId", "connectorId must be >= 1, got -1." },
        { "unlock", """{"evseId":0}""", "evseId", "evseId must be >= 1, got 0." },
        { "reset", """{"type":"Medium"}""", "type", "type must be one of Soft, Hard; got \"Medium\"." },
        { "reset", """{"type":"hard"}""", "type", "type must be one of Soft, Hard; got \"hard\"." },
        { "reset", "{}", "type", "type is required (one of Soft, Hard)." },
        { "change-availability", """{"connectorId":1}""", "operative", "operative is required." },
        { "change-availability", """{"connectorId":1,"operative":"yes"}""", "operative", "operative must be true or false, got \"yes\"." },
        { "change-availability", """{"operative":true}""", "connectorId", "connectorId is required" },
        { "get-configuration", """{"keys":"HeartbeatInterval"}""", "keys", "keys must be an array of strings, got \"HeartbeatInterval\"." },
        { "get-configuration", """{"keys":["A",1]}""", "keys", "keys[1] must be a non-empty string, got the number 1." },
        { "get-configuration", """{"keys":["A","A"]}""", "keys", "keys lists \"A\" more than once." },
        { "get-configuration", """{"key":["A"]}""", "key", "Unknown property 'key' for get-configuration; allowed: keys." },
        { "set-configuration", """{"key":"HeartbeatInterval","value":120}""", "value", "value must be a string (OCPP configuration values are strings, e.g. \"120\"), got the number 120." },
        { "set-configuration", """{"key":"HeartbeatInterval"}""", "value", "value is required" },
        { "set-configuration", """{"value":"1"}""", "key", "key is required." },
        { "trigger-message", """{"message":"Reboot"}""", "message", "message must be one of BootNotification, Heartbeat, StatusNotification, MeterValues, FirmwareStatusNotification, DiagnosticsStatusNotification, LogStatusNotification, TransactionEvent, SignChargingStationCertificate, SignChargePointCertificate, SignV2GCertificate, SignCombinedCertificate, PublishFirmwareStatusNotification; got \"Reboot\"." },
        { "trigger-message", "{}", "message", "message is required" },
        { "reserve-now", """{"idTag":"X","expiresAt":"tomorrow","reservationId":7}""", "expiresAt", "expiresAt must be an ISO-8601 date-time with a UTC offset, e.g. \"2025-01-31T18:00:00Z\"; got \"tomorrow\"." },
        { "reserve-now", """{"idTag":"X","expiresAt":"2030-01-01T10:00:00","reservationId":7}""", "expiresAt", "expiresAt must be an ISO-8601 date-time with a UTC offset" },
        { "reserve-now", """{"idTag":"X","expiresAt":"2030-13-01T10:00:00Z","reservationId":7}""", "expiresAt", "expiresAt must be an ISO-8601 date-time with a UTC offset" },
        { "reserve-now", """{"idTag":"X","expiresAt":"2030-01-01T10:00:00Z"}""", "reservationId", "reservationId is required." },
        { "cancel-reservation", """{"reservationId":-1}""", "reservationId", "reservationId must be >= 0, got -1." },
        { "cancel-reservation", """{"reservationId":"7"}""", "reservationId", "reservationId must be an integer, got \"7\"." },
        { "set-charging-profile", """{"connectorId":1}""", "profile", "profile is required." },
        { "set-charging-profile", """{"connectorId":1,"profile":[]}""", "profile", "profile must be a JSON object, got an array." },
        { "set-charging-profile", """{"profile":{}}""", "connectorId", "connectorId is required" },
        { "clear-charging-profile", """{"purpose":"Everything"}""", "purpose", "purpose must be one of ChargePointMaxProfile, ChargingStationMaxProfile, TxDefaultProfile, TxProfile, ChargingStationExternalConstraints; got \"Everything\"." },
        { "clear-charging-profile", """{"stackLevel":-1}""", "stackLevel", "stackLevel must be >= 0, got -1." },
        { "get-composite-schedule", """{"connectorId":1,"durationSeconds":0}""", "durationSeconds", "durationSeconds must be >= 1, got 0." },
        { "get-composite-schedule", """{"connectorId":1,"durationSeconds":60,"unit":"kW"}""", "unit", "unit must be one of W, A; got \"kW\"." },
        { "get-composite-schedule", """{"connectorId":1,"duration":60}""", "duration", "Unknown property 'duration' for get-composite-schedule" },
        { "update-firmware", """{"location":"firmware.bin","retrieveAt":"2030-01-01T00:00:00Z"}""", "location", "location must be an absolute URL (e.g. https://files.example.com/fw.bin), got \"firmware.bin\"." },
        { "update-firmware", """{"location":"https://fw.example/v2.bin"}""", "retrieveAt", "retrieveAt is required." },
        { "update-firmware", """{"location":"https://fw.example/v2.bin","retrieveAt":"2030-01-01T00:00:00Z","retries":-2}""", "retries", "retries must be >= 0, got -2." },
        { "get-diagnostics", """{"from":"2030-01-02T00:00:00Z","to":"2030-01-01T00:00:00Z"}""", "to", "is before from" },
        { "get-diagnostics", """{"from":1700000000}""", "from", "from must be an ISO-8601 date-time with a UTC offset" },
        { "send-local-list", """{"updateType":"Partial"}""", "updateType", "updateType must be one of Full, Differential; got \"Partial\"." },
        { "send-local-list", """{"tokens":["A"]}""", "updateType", "updateType is required (one of Full, Differential)." },
        { "send-local-list", """{"updateType":"Full","tokens":["A","A"]}""", "tokens", "tokens lists \"A\" more than once." },
        { "get-local-list-version", """{"listVersion":1}""", "listVersion", "get-local-list-version takes no arguments, got property 'listVersion'." },
        { "clear-cache", "\"now\"", null, "The body of clear-cache must be a JSON object, got \"now\"." },
        { "data-transfer", """{"messageId":"x"}""", "vendorId", "vendorId is required." },
        { "data-transfer", """{"vendorId":"v","messageId":"012345678901234567890123456789012345678901234567890"}""", "messageId", "messageId must be at most 50 characters, got 51." },
    };

    /// <summary>Errors only a version's adapter can see: version, command, body, field, message fragment.</summary>
    public static TheoryData<string, string, string, string?, string> AdapterCases { get; } = new()
    {
        { "1.6", "remote-stop", """{"transactionId":"tx-abc"}""", "transactionId", "transactionId must be an integer for an OCPP 1.6 station, got \"tx-abc\"." },
        { "1.6", "remote-start", """{"idTag":"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}""", null, "The arguments do not fit an OCPP 1.6 RemoteStartTransaction request: " },
        { "1.6", "unlock", """{"evseId":1}""", "evseId", "evseId applies to OCPP 2.0.1 stations only; address a 1.6 station's connector with connectorId." },
        { "1.6", "trigger-message", """{"message":"TransactionEvent"}""", "message", "message TransactionEvent exists in OCPP 2.0.1 only." },
        { "1.6", "trigger-message", """{"message":"SignV2GCertificate"}""", "message", "message SignV2GCertificate exists in OCPP 2.0.1 only." },
        { "1.6", "trigger-message", """{"message":"PublishFirmwareStatusNotification"}""", "message", "message PublishFirmwareStatusNotification exists in OCPP 2.0.1 only." },
        { "1.6", "clear-charging-profile", """{"purpose":"ChargingStationExternalConstraints"}""", "purpose", "purpose ChargingStationExternalConstraints exists in OCPP 2.0.1 only." },
        { "1.6", "set-charging-profile", """{"connectorId":1,"profile":{"chargingProfileId":3}}""", "profile", "profile is not a valid OCPP 1.6 ChargingProfile: " },
        { "1.6", "set-charging-profile", $$"""{"connectorId":1,"profile":{{Profile16.Replace("TxDefaultProfile", "Whatever", StringComparison.Ordinal)}}}""", "profile", "profile is not a valid OCPP 1.6 ChargingProfile: " },
        { "2.0.1", "set-charging-profile", $$"""{"connectorId":1,"profile":{{Profile16}}}""", "profile", "profile is not a valid OCPP 2.0.1 ChargingProfileType: " },
        { "1.6", "send-local-list", """{"updateType":"Full","tokens":["RFID1","NOPE"]}""", "tokens", "tokens: \"NOPE\" is not a known token." },
        { "2.0.1", "send-local-list", """{"updateType":"Full","tokens":["NOPE"]}""", "tokens", "tokens: \"NOPE\" is not a known token." },
        { "2.0.1", "get-configuration", """{"keys":["OCPPCommCtrlr.HeartbeatInterval","HeartbeatInterval"]}""", "keys[1]", "keys[1] must be Component.Variable for an OCPP 2.0.1 station (e.g. OCPPCommCtrlr.HeartbeatInterval), got \"HeartbeatInterval\"." },
        { "2.0.1", "set-configuration", """{"key":"HeartbeatInterval.","value":"1"}""", "key", "key must be Component.Variable" },
        { "2.0.1", "remote-start", """{"idTag":"X","evseId":1,"connectorId":2}""", "connectorId", "Give evseId or connectorId, not both" },
        { "1.6", "data-transfer", """{"vendorId":"v","data":{"a":1}}""", "data", "data must be a string for an OCPP 1.6 station, got an object." },
        { "1.6", "cost-updated", """{"transactionId":"1","totalCost":1.5}""", null, "CostUpdated exists in OCPP 2.0.1 only." },
        { "1.6", "get-installed-certificate-ids", "{}", "certificateTypes", "An OCPP 1.6 station is asked for one certificate type at a time" },
        { "1.6", "get-installed-certificate-ids", """{"certificateTypes":["V2GRootCertificate"]}""", "certificateTypes", "V2GRootCertificate exists in OCPP 2.0.1 only" },
        { "1.6", "get-transaction-status", """{"transactionId":"1"}""", null, "GetTransactionStatus exists in OCPP 2.0.1 only." },
        { "1.6", "get-charging-profiles", """{"purpose":"TxProfile"}""", null, "GetChargingProfiles exists in OCPP 2.0.1 only." },
        { "1.6", "unpublish-firmware", """{"checksum":"0123456789abcdef0123456789abcdef"}""", null, "PublishFirmware and UnpublishFirmware exist in OCPP 2.0.1 only" },
        { "1.6", "set-display-message", """{"id":1,"priority":"InFront","content":"x"}""", null, "Display messages exist in OCPP 2.0.1 only" },
        { "1.6", "get-display-messages", "{}", null, "Display messages exist in OCPP 2.0.1 only" },
        { "1.6", "clear-display-message", """{"id":1}""", null, "Display messages exist in OCPP 2.0.1 only" },
        { "1.6", "customer-information", """{"report":true,"clear":false,"customerIdentifier":"c"}""", null, "CustomerInformation exists in OCPP 2.0.1 only" },
    };

    [Theory]
    [MemberData(nameof(ParserCases))]
    public void Bad_body_is_rejected_naming_the_field(string command, string body, string? field, string message)
    {
        var error = Should.Throw<StationCommandArgumentException>(() => Parse(command, body));

        error.Message.ShouldContain(message);
        error.Field.ShouldBe(field);
    }

    [Theory]
    [MemberData(nameof(AdapterCases))]
    public void Arguments_the_version_cannot_express_are_rejected_naming_the_field(string version, string command, string body, string? field, string message)
    {
        var arguments = Parse(command, body);

        var error = Should.Throw<StationCommandArgumentException>(() => StationCommandAdapters.For(Version(version)).Build(arguments, Context));

        error.Message.ShouldContain(message);
        error.Field.ShouldBe(field);
    }

    [Fact]
    public void Schema_limits_of_a_version_name_the_offending_field()
    {
        var error = Should.Throw<StationCommandArgumentException>(() => Build("1.6", "remote-start", """{"idTag":"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}"""));

        error.Message.ShouldContain("idTag");
        error.Message.ShouldContain("20");
    }

    [Fact]
    public void A_misspelt_field_inside_a_201_profile_is_rejected_not_dropped()
    {
        const string body = """{"evseId":1,"profile":{"id":3,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Relative","validfrom":"2030-01-01T00:00:00Z","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000}]}]}}""";

        var error = Should.Throw<StationCommandArgumentException>(() => Build("2.0.1", "set-charging-profile", body));

        error.Message.ShouldContain("$.profile.validfrom");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("{}")]
    public void Absent_null_and_empty_bodies_are_the_same_for_commands_without_arguments(string? body)
    {
        var element = body is null ? (System.Text.Json.JsonElement?)null : Json(body);

        StationCommandParser.Parse(StationCommandName.ClearCache, element).ShouldBeOfType<ClearCacheArguments>();
        StationCommandParser.Parse(StationCommandName.GetConfiguration, element).ShouldBeOfType<GetConfigurationArguments>().Keys.ShouldBeEmpty();
    }

    [Fact]
    public void Json_null_for_an_optional_field_means_not_given()
        => Parse("remote-start", """{"idTag":"X","connectorId":null}""").ShouldBe(new RemoteStartArguments("X", ConnectorAddress.None));

    [Fact]
    public void Get_diagnostics_without_an_upload_url_in_the_context_is_a_host_bug_not_bad_arguments()
        => Should.Throw<InvalidOperationException>(() => new V16CommandAdapter().Build(new GetDiagnosticsArguments(null, null), Context with { UploadUrl = "" }));
}
