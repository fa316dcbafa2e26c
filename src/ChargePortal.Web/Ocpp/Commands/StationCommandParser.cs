using System.Globalization;
using System.Text.Json;
using ChargePortal.Web.Ocpp.Diagnostics;
using ChargePortal.Web.Tokens;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// Turns the HTTP body of a command (DESIGN.md "HTTP API contract") into validated, version-neutral arguments.
/// Checks here are the ones that hold for every OCPP version; version limits (e.g. 1.6's 20-character idTag) are the
/// adapters'.
/// </summary>
public static partial class StationCommandParser
{
    private const string ConnectorId = "connectorId";
    private const string EvseId = "evseId";

    private static readonly IReadOnlyDictionary<string, ResetKind> ResetKinds = CommandBody.Choices<ResetKind>();
    private static readonly IReadOnlyDictionary<string, ChargingUnit> ChargingUnits = CommandBody.Choices<ChargingUnit>();
    private static readonly IReadOnlyDictionary<string, LocalListUpdate> LocalListUpdates = CommandBody.Choices<LocalListUpdate>();
    private static readonly IReadOnlyDictionary<string, LogKind> LogTypes = CommandBody.Choices<LogKind>();

    private static readonly IReadOnlyDictionary<string, TriggerableMessage> TriggerableMessages = new Dictionary<string, TriggerableMessage>(StringComparer.Ordinal)
    {
        ["BootNotification"] = TriggerableMessage.BootNotification,
        ["Heartbeat"] = TriggerableMessage.Heartbeat,
        ["StatusNotification"] = TriggerableMessage.StatusNotification,
        ["MeterValues"] = TriggerableMessage.MeterValues,
        ["FirmwareStatusNotification"] = TriggerableMessage.FirmwareStatusNotification,
        ["DiagnosticsStatusNotification"] = TriggerableMessage.DiagnosticsStatusNotification,
        ["LogStatusNotification"] = TriggerableMessage.DiagnosticsStatusNotification,
        ["TransactionEvent"] = TriggerableMessage.TransactionEvent,
        ["SignChargingStationCertificate"] = TriggerableMessage.SignChargingStationCertificate,
        ["SignChargePointCertificate"] = TriggerableMessage.SignChargingStationCertificate,
        ["SignV2GCertificate"] = TriggerableMessage.SignV2GCertificate,
        ["SignCombinedCertificate"] = TriggerableMessage.SignCombinedCertificate,
        ["PublishFirmwareStatusNotification"] = TriggerableMessage.PublishFirmwareStatusNotification,
    };

    // Both versions' names are accepted, so an operator can use the one their station's documentation uses.
    private static readonly IReadOnlyDictionary<string, ProfilePurpose> ProfilePurposes = new Dictionary<string, ProfilePurpose>(StringComparer.Ordinal)
    {
        ["ChargePointMaxProfile"] = ProfilePurpose.StationMaxProfile,
        ["ChargingStationMaxProfile"] = ProfilePurpose.StationMaxProfile,
        ["TxDefaultProfile"] = ProfilePurpose.TxDefaultProfile,
        ["TxProfile"] = ProfilePurpose.TxProfile,
        ["ChargingStationExternalConstraints"] = ProfilePurpose.ChargingStationExternalConstraints,
    };

    /// <summary>
    /// Parses <paramref name="body"/> (absent, JSON null and <c>{}</c> are the same) for <paramref name="command"/>.
    /// </summary>
    /// <exception cref="StationCommandArgumentException">The body is not valid for the command.</exception>
    public static StationCommandArguments Parse(StationCommandName command, JsonElement? body) => command switch
    {
        StationCommandName.RemoteStart => RemoteStart(CommandBody.Open(command, body, "idTag", ConnectorId, EvseId)),
        StationCommandName.RemoteStop => RemoteStop(CommandBody.Open(command, body, "transactionId")),
        StationCommandName.Unlock => new UnlockArguments(RequiredAddress(CommandBody.Open(command, body, ConnectorId, EvseId), minimum: 1)),
        StationCommandName.Reset => new ResetArguments(CommandBody.Open(command, body, "type").RequiredChoice("type", ResetKinds)),
        StationCommandName.ChangeAvailability => ChangeAvailability(CommandBody.Open(command, body, ConnectorId, EvseId, "operative")),
        StationCommandName.GetConfiguration => new GetConfigurationArguments(CommandBody.Open(command, body, "keys").OptionalStringList("keys")),
        StationCommandName.SetConfiguration => SetConfiguration(CommandBody.Open(command, body, "key", "value")),
        StationCommandName.TriggerMessage => TriggerMessage(CommandBody.Open(command, body, "message", ConnectorId, EvseId)),
        StationCommandName.ReserveNow => ReserveNow(CommandBody.Open(command, body, ConnectorId, EvseId, "idTag", "expiresAt", "reservationId")),
        StationCommandName.CancelReservation => new CancelReservationArguments(CommandBody.Open(command, body, "reservationId").RequiredInt("reservationId")),
        StationCommandName.SetChargingProfile => SetChargingProfile(CommandBody.Open(command, body, ConnectorId, EvseId, "profile")),
        StationCommandName.ClearChargingProfile => ClearChargingProfile(CommandBody.Open(command, body, "profileId", ConnectorId, EvseId, "purpose", "stackLevel")),
        StationCommandName.GetCompositeSchedule => GetCompositeSchedule(CommandBody.Open(command, body, ConnectorId, EvseId, "durationSeconds", "unit")),
        StationCommandName.UpdateFirmware => UpdateFirmware(CommandBody.Open(command, body, "location", "retrieveAt", "retries", "installAt", "signature", "signingCertificate")),
        StationCommandName.GetDiagnostics => GetDiagnostics(CommandBody.Open(command, body, "from", "to", "logType")),
        StationCommandName.SendLocalList => SendLocalList(CommandBody.Open(command, body, "updateType", "tokens")),
        StationCommandName.GetLocalListVersion => Empty(command, body, new GetLocalListVersionArguments()),
        StationCommandName.ClearCache => Empty(command, body, new ClearCacheArguments()),
        StationCommandName.DataTransfer => DataTransfer(CommandBody.Open(command, body, "vendorId", "messageId", "data")),
        StationCommandName.CostUpdated => CostUpdated(CommandBody.Open(command, body, "transactionId", "totalCost")),
        StationCommandName.SetVariableMonitoring => SetVariableMonitoring(command, CommandBody.Open(command, body, "monitors")),
        StationCommandName.ClearVariableMonitoring => ClearVariableMonitoring(CommandBody.Open(command, body, "ids")),
        StationCommandName.SetMonitoringBase => new SetMonitoringBaseArguments(CommandBody.Open(command, body, "base").RequiredChoice("base", MonitoringBases)),
        StationCommandName.SetMonitoringLevel => SetMonitoringLevel(CommandBody.Open(command, body, "severity")),
        StationCommandName.GetMonitoringReport => GetMonitoringReport(command, CommandBody.Open(command, body, "criteria", "componentVariables")),
        StationCommandName.CertificateSigned or StationCommandName.InstallCertificate or StationCommandName.DeleteCertificate
            or StationCommandName.GetInstalledCertificateIds => CertificateCommandParser.Parse(command, body),
        StationCommandName.GetTransactionStatus => new GetTransactionStatusArguments(
            CommandBody.Open(command, body, "transactionId").OptionalString("transactionId", maxLength: 36)),
        StationCommandName.GetChargingProfiles => GetChargingProfiles(
            CommandBody.Open(command, body, "requestId", EvseId, "purpose", "stackLevel", "sources", "profileIds")),
        StationCommandName.SetNetworkProfile => throw new StationCommandArgumentException(null,
            "set-network-profile is sent with POST /api/stations/{id}/network-profiles, which keeps the station's security profile from going down and sends the follow-up NetworkConfigurationPriority and Reset (A05, B09)."),
        StationCommandName.PublishFirmware => PublishFirmware(CommandBody.Open(command, body, "location", "checksum", "retries", "retryInterval")),
        StationCommandName.UnpublishFirmware => UnpublishFirmware(CommandBody.Open(command, body, "checksum")),
        StationCommandName.SetDisplayMessage or StationCommandName.GetDisplayMessages or StationCommandName.ClearDisplayMessage
            or StationCommandName.CustomerInformation => StationNoticeParser.Parse(command, body),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown station command."),
    };

    private static RemoteStartArguments RemoteStart(CommandBody body)
        => new(body.RequiredString("idTag", IdToken.MaxIdTagLength), OptionalAddress(body, minimum: 1));

    private static RemoteStopArguments RemoteStop(CommandBody body)
    {
        // The API writes transaction ids as strings; a bare integer (how 1.6 stations number them) is accepted too.
        if (body.OptionalValue("transactionId") is { ValueKind: JsonValueKind.Number } number)
        {
            return number.TryGetInt64(out var id)
                ? new RemoteStopArguments(id.ToString(CultureInfo.InvariantCulture))
                : throw new StationCommandArgumentException("transactionId", $"transactionId must be a string or an integer, got {CommandBody.Describe(number)}.");
        }

        return new RemoteStopArguments(body.RequiredString("transactionId", maxLength: 36));
    }

    private static ChangeAvailabilityArguments ChangeAvailability(CommandBody body)
        => new(RequiredAddress(body, minimum: 0), body.RequiredBool("operative"));

    private static SetConfigurationArguments SetConfiguration(CommandBody body)
    {
        var key = body.RequiredString("key");
        if (!body.Has("value"))
        {
            throw new StationCommandArgumentException("value", "value is required (a string, e.g. \"120\").");
        }

        // An empty value is legitimate (it clears a setting), so this is read without the non-empty rule.
        return body.OptionalValue("value") is { ValueKind: JsonValueKind.String } value
            ? new SetConfigurationArguments(key, value.GetString()!)
            : throw new StationCommandArgumentException("value", $"value must be a string (OCPP configuration values are strings, e.g. \"120\"), got {CommandBody.Describe(body.OptionalValue("value")!.Value)}.");
    }

    private static TriggerMessageArguments TriggerMessage(CommandBody body)
        => new(body.RequiredChoice("message", TriggerableMessages), OptionalAddress(body, minimum: 0));

    private static ReserveNowArguments ReserveNow(CommandBody body)
        => new(
            OptionalAddress(body, minimum: 0),
            body.RequiredString("idTag", IdToken.MaxIdTagLength),
            body.RequiredTime("expiresAt"),
            body.RequiredInt("reservationId"));

    private static SetChargingProfileArguments SetChargingProfile(CommandBody body)
        => new(RequiredAddress(body, minimum: 0), body.RequiredObject("profile"));

    private static ClearChargingProfileArguments ClearChargingProfile(CommandBody body)
        => new(
            body.OptionalInt("profileId"),
            OptionalAddress(body, minimum: 0),
            body.OptionalChoice("purpose", ProfilePurposes),
            body.OptionalInt("stackLevel"));

    private static GetCompositeScheduleArguments GetCompositeSchedule(CommandBody body)
        => new(RequiredAddress(body, minimum: 0), body.RequiredInt("durationSeconds", minimum: 1), body.OptionalChoice("unit", ChargingUnits));

    private static UpdateFirmwareArguments UpdateFirmware(CommandBody body)
    {
        var location = body.RequiredString("location", maxLength: 512);
        if (!Uri.TryCreate(location, UriKind.Absolute, out _))
        {
            throw new StationCommandArgumentException("location", $"location must be an absolute URL (e.g. https://files.example.com/fw.bin), got \"{location}\".");
        }

        var retrieveAt = body.RequiredTime("retrieveAt");
        var installAt = body.OptionalTime("installAt");
        if (installAt < retrieveAt)
        {
            throw new StationCommandArgumentException("installAt", $"installAt ({installAt:O}) is before retrieveAt ({retrieveAt:O}).");
        }

        return new UpdateFirmwareArguments(location, retrieveAt, body.OptionalInt("retries"), FirmwareSignatureOf(body), installAt);
    }

    private static FirmwareSigning? FirmwareSignatureOf(CommandBody body)
    {
        var signature = body.OptionalString("signature", FirmwareSigning.MaxSignatureLength);
        var certificate = body.OptionalString("signingCertificate", FirmwareSigning.MaxCertificateLength);
        if (signature is null)
        {
            return certificate is null
                ? null
                : throw new StationCommandArgumentException("signature", "signingCertificate was given without the signature it verifies.");
        }

        if (signature.Length == 0 || !Convert.TryFromBase64String(signature, new byte[signature.Length], out _))
        {
            throw new StationCommandArgumentException("signature", "signature must be the image's signature in base64.");
        }

        if (certificate is not null)
        {
            try
            {
                using var parsed = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(certificate);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                throw new StationCommandArgumentException("signingCertificate", "signingCertificate must be a PEM X.509 certificate.");
            }
        }

        return new FirmwareSigning(signature, certificate);
    }

    private static GetDiagnosticsArguments GetDiagnostics(CommandBody body)
    {
        var from = body.OptionalTime("from");
        var to = body.OptionalTime("to");
        return from > to
            ? throw new StationCommandArgumentException("to", $"to ({to:O}) is before from ({from:O}).")
            : new GetDiagnosticsArguments(from, to, body.OptionalChoice("logType", LogTypes) ?? LogKind.DiagnosticsLog);
    }

    private static SendLocalListArguments SendLocalList(CommandBody body)
        => new(body.RequiredChoice("updateType", LocalListUpdates), body.OptionalStringList("tokens"));

    private static DataTransferArguments DataTransfer(CommandBody body)
        => new(body.RequiredString("vendorId", maxLength: 255), body.OptionalString("messageId", maxLength: 50), body.OptionalValue("data"));

    private static T Empty<T>(StationCommandName command, JsonElement? body, T arguments)
    {
        CommandBody.Open(command, body);
        return arguments;
    }

    private static ConnectorAddress OptionalAddress(CommandBody body, int minimum)
        => new(body.OptionalInt(ConnectorId, minimum), body.OptionalInt(EvseId, minimum));

    private static ConnectorAddress RequiredAddress(CommandBody body, int minimum)
    {
        var address = OptionalAddress(body, minimum);
        return address.IsEmpty
            ? throw new StationCommandArgumentException(ConnectorId, $"connectorId is required (or evseId for an OCPP 2.0.1 station).")
            : address;
    }

    private static CostUpdatedArguments CostUpdated(CommandBody body)
        => new(body.RequiredString("transactionId", maxLength: 36), body.RequiredDecimal("totalCost"));
}
