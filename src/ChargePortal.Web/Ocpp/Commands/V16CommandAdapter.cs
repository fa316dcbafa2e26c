using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.V16;
using ChargePortal.Web.Ocpp.Diagnostics;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>Station commands as OCPP 1.6 calls (Core, FirmwareManagement, LocalAuthListManagement, Reservation, SmartCharging, RemoteTrigger).</summary>
public sealed class V16CommandAdapter : IStationCommandAdapter
{
    public OcppVersion Version => OcppVersion.V16;

    public OcppOutgoingCall Build(StationCommandArguments arguments, StationCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        return arguments switch
        {
            RemoteStartArguments a => Call("RemoteStartTransaction", new RemoteStartTransactionRequest { ConnectorId = Connector(a.Where), IdTag = a.IdTag }),
            RemoteStopArguments a => Call("RemoteStopTransaction", new RemoteStopTransactionRequest { TransactionId = TransactionId(a.TransactionId) }),
            UnlockArguments a => Call("UnlockConnector", new UnlockConnectorRequest { ConnectorId = RequiredConnector(a.Where) }),
            ResetArguments a => Call("Reset", new ResetRequest { Type = a.Type == ResetKind.Hard ? ResetType.Hard : ResetType.Soft }),
            ChangeAvailabilityArguments a => Call("ChangeAvailability", new ChangeAvailabilityRequest
            {
                ConnectorId = RequiredConnector(a.Where),
                Type = a.Operative ? AvailabilityType.Operative : AvailabilityType.Inoperative,
            }),
            GetConfigurationArguments a => Call("GetConfiguration", new GetConfigurationRequest { Key = a.Keys.Count == 0 ? null : a.Keys }),
            SetConfigurationArguments a => Call("ChangeConfiguration", new ChangeConfigurationRequest { Key = a.Key, Value = a.Value }),
            TriggerMessageArguments { Message: TriggerableMessage.SignChargingStationCertificate } => CertificateCalls.BuildV16(arguments),
            TriggerMessageArguments a => Call("TriggerMessage", new TriggerMessageRequest { RequestedMessage = Trigger(a.Message), ConnectorId = Connector(a.Where) }),
            ReserveNowArguments a => Call("ReserveNow", new ReserveNowRequest
            {
                // Connector 0 reserves "any connector" of the station, the natural reading of a body without one.
                ConnectorId = Connector(a.Where) ?? 0,
                ExpiryDate = a.ExpiresAt,
                IdTag = a.IdTag,
                ParentIdTag = context.Tokens.TryGetValue(a.IdTag, out var token) ? token.ParentIdTag : null,
                ReservationId = a.ReservationId,
            }),
            CancelReservationArguments a => Call("CancelReservation", new CancelReservationRequest { ReservationId = a.ReservationId }),
            SetChargingProfileArguments a => Call("SetChargingProfile", new SetChargingProfileRequest
            {
                ConnectorId = RequiredConnector(a.Where),
                CsChargingProfiles = Profile(a.Profile),
            }),
            ClearChargingProfileArguments a => Call("ClearChargingProfile", new ClearChargingProfileRequest
            {
                Id = a.ProfileId,
                ConnectorId = Connector(a.Where),
                ChargingProfilePurpose = a.Purpose is { } purpose ? Purpose(purpose) : null,
                StackLevel = a.StackLevel,
            }),
            GetCompositeScheduleArguments a => Call("GetCompositeSchedule", new GetCompositeScheduleRequest
            {
                ConnectorId = RequiredConnector(a.Where),
                Duration = a.DurationSeconds,
                ChargingRateUnit = a.Unit switch { ChargingUnit.W => ChargingRateUnit.W, ChargingUnit.A => ChargingRateUnit.A, _ => null },
            }),
            UpdateFirmwareArguments { Signing: { } signing } a => Call("SignedUpdateFirmware", new SignedUpdateFirmwareRequest
            {
                RequestId = context.RequestId,
                Retries = a.Retries,
                Firmware = new Firmware
                {
                    Location = a.Location,
                    RetrieveDateTime = a.RetrieveAt,
                    InstallDateTime = a.InstallAt,
                    SigningCertificate = V201CommandAdapter.SigningCertificate(signing),
                    Signature = signing.Signature,
                },
            }),
            UpdateFirmwareArguments a => Call("UpdateFirmware", new UpdateFirmwareRequest { Location = a.Location, RetrieveDate = a.RetrieveAt, Retries = a.Retries }),
            // The security log exists only with the Security Whitepaper's GetLog; diagnostics keep the core message every 1.6 station has.
            GetDiagnosticsArguments { LogType: LogKind.SecurityLog } a => Call("GetLog", new GetLogRequest
            {
                LogType = LogType.SecurityLog,
                RequestId = context.RequestId,
                Log = new LogParameters { RemoteLocation = UploadUrl(context), OldestTimestamp = a.From, LatestTimestamp = a.To },
            }),
            GetDiagnosticsArguments a => Call("GetDiagnostics", new GetDiagnosticsRequest
            {
                Location = UploadUrl(context),
                StartTime = a.From,
                StopTime = a.To,
            }),
            SendLocalListArguments a => Call("SendLocalList", new SendLocalListRequest
            {
                ListVersion = context.NextLocalListVersion,
                UpdateType = a.UpdateType == LocalListUpdate.Full ? UpdateType.Full : UpdateType.Differential,
                LocalAuthorizationList = a.Tokens.Count == 0 ? null : [.. a.Tokens.Select(idTag => ListEntry(idTag, context))],
            }),
            GetLocalListVersionArguments => Call("GetLocalListVersion", new GetLocalListVersionRequest()),
            ClearCacheArguments => Call("ClearCache", new ClearCacheRequest()),
            DataTransferArguments a => Call("DataTransfer", new DataTransferRequest { VendorId = a.VendorId, MessageId = a.MessageId, Data = DataText(a.Data) }),
            CertificateSignedArguments or InstallCertificateArguments or DeleteCertificateArguments or GetInstalledCertificateIdsArguments => CertificateCalls.BuildV16(arguments),
            CostUpdatedArguments => throw new StationCommandArgumentException(null, "CostUpdated exists in OCPP 2.0.1 only."),
            SetVariableMonitoringArguments or ClearVariableMonitoringArguments or SetMonitoringBaseArguments or SetMonitoringLevelArguments or GetMonitoringReportArguments
                => throw new StationCommandArgumentException(null, "Variable monitoring exists in OCPP 2.0.1 only."),
            GetVariablesArguments or SetVariablesArguments => throw new StationCommandArgumentException(
                null, "Device-model addressing (components, instances, attribute types) exists in OCPP 2.0.1 only; a 1.6 station has configuration keys."),
            GetTransactionStatusArguments => throw new StationCommandArgumentException(null, "GetTransactionStatus exists in OCPP 2.0.1 only."),
            GetChargingProfilesArguments => throw new StationCommandArgumentException(null, "GetChargingProfiles exists in OCPP 2.0.1 only."),
            SetNetworkProfileArguments => throw new StationCommandArgumentException(null, "SetNetworkProfile exists in OCPP 2.0.1 only."),
            PublishFirmwareArguments or UnpublishFirmwareArguments => throw new StationCommandArgumentException(
                null, "PublishFirmware and UnpublishFirmware exist in OCPP 2.0.1 only (local controllers)."),
            _ when StationNoticeCalls.Handles(arguments) => throw StationNoticeCalls.RefuseV16(arguments),
            _ => throw new ArgumentOutOfRangeException(nameof(arguments), arguments.GetType().Name, "No OCPP 1.6 mapping for this command."),
        };
    }

    public JsonObject MapAnswer(OcppOutgoingCall call, JsonElement response)
    {
        ArgumentNullException.ThrowIfNull(call);
        var answer = StationAnswers.Create(call, response);
        if (call.Action == "GetConfiguration")
        {
            answer["configuration"] = Configuration(response);
            answer["unknownKeys"] = response.TryGetProperty("unknownKey", out var unknown) ? JsonNode.Parse(unknown.GetRawText()) : new JsonArray();
        }

        if (call.Action == "GetInstalledCertificateIds")
        {
            CertificateCalls.AddV16Certificates(answer, call, response);
        }

        // GetLocalListVersion already answers with "listVersion", the neutral name.
        return answer;
    }

    private static OcppOutgoingCall Call<TRequest>(string action, TRequest request)
        where TRequest : class
        => OutgoingCalls.Create(OcppVersion.V16, action, request);

    private static int? Connector(ConnectorAddress where)
        => where.EvseId is null
            ? where.ConnectorId
            : throw new StationCommandArgumentException("evseId", "evseId applies to OCPP 2.0.1 stations only; address a 1.6 station's connector with connectorId.");

    private static int RequiredConnector(ConnectorAddress where)
        => Connector(where) ?? throw new StationCommandArgumentException("connectorId", "connectorId is required.");

    private static int TransactionId(string transactionId)
        => int.TryParse(transactionId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new StationCommandArgumentException("transactionId", $"transactionId must be an integer for an OCPP 1.6 station, got \"{transactionId}\".");

    private static MessageTrigger Trigger(TriggerableMessage message) => message switch
    {
        TriggerableMessage.BootNotification => MessageTrigger.BootNotification,
        TriggerableMessage.Heartbeat => MessageTrigger.Heartbeat,
        TriggerableMessage.StatusNotification => MessageTrigger.StatusNotification,
        TriggerableMessage.MeterValues => MessageTrigger.MeterValues,
        TriggerableMessage.FirmwareStatusNotification => MessageTrigger.FirmwareStatusNotification,
        TriggerableMessage.DiagnosticsStatusNotification => MessageTrigger.DiagnosticsStatusNotification,
        _ => throw new StationCommandArgumentException("message", $"message {message} exists in OCPP 2.0.1 only."),
    };

    private static ChargingProfilePurpose Purpose(ProfilePurpose purpose) => purpose switch
    {
        ProfilePurpose.StationMaxProfile => ChargingProfilePurpose.ChargePointMaxProfile,
        ProfilePurpose.TxDefaultProfile => ChargingProfilePurpose.TxDefaultProfile,
        ProfilePurpose.TxProfile => ChargingProfilePurpose.TxProfile,
        _ => throw new StationCommandArgumentException("purpose", $"purpose {purpose} exists in OCPP 2.0.1 only."),
    };

    private static ChargingProfile Profile(JsonElement profile)
        => OutgoingCalls.ChargingProfile(OcppVersion.V16, profile, V16JsonContext.Default.ChargingProfile);

    private static string UploadUrl(StationCommandContext context)
        => string.IsNullOrWhiteSpace(context.UploadUrl)
            ? throw new InvalidOperationException("StationCommandContext.UploadUrl must be set for get-diagnostics.")
            : context.UploadUrl;

    private static AuthorizationData ListEntry(string idTag, StationCommandContext context)
    {
        if (!context.Tokens.TryGetValue(idTag, out var token))
        {
            throw new StationCommandArgumentException("tokens", $"tokens: \"{idTag}\" is not a known token.");
        }

        return new AuthorizationData
        {
            IdTag = idTag,
            IdTagInfo = new IdTagInfo
            {
                Status = token.Status switch
                {
                    TokenStanding.Accepted => AuthorizationStatus.Accepted,
                    TokenStanding.Blocked => AuthorizationStatus.Blocked,
                    TokenStanding.Expired => AuthorizationStatus.Expired,
                    _ => AuthorizationStatus.Invalid,
                },
                ExpiryDate = token.ExpiresAt,
                ParentIdTag = token.ParentIdTag,
            },
        };
    }

    private static string? DataText(JsonElement? data) => data switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } other => throw new StationCommandArgumentException(
            "data", $"data must be a string for an OCPP 1.6 station, got {CommandBody.Describe(other)}."),
    };

    private static JsonArray Configuration(JsonElement response)
    {
        var list = new JsonArray();
        if (response.TryGetProperty("configurationKey", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in keys.EnumerateArray())
            {
                list.Add(StationAnswers.ConfigurationEntry(
                    entry.GetProperty("key").GetString()!,
                    entry.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null,
                    entry.TryGetProperty("readonly", out var isReadonly) && isReadonly.ValueKind == JsonValueKind.True));
            }
        }

        return list;
    }
}
