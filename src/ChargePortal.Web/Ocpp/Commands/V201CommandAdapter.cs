using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Ocpp.Diagnostics;
using IdToken = ChargePortal.Ocpp.V201.IdToken;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>
/// Station commands as OCPP 2.0.1 calls. Configuration keys are <c>Component.Variable</c> (the Actual attribute of a
/// device-model variable without instances); connectors are addressed as EVSE + connector.
/// </summary>
public sealed partial class V201CommandAdapter : IStationCommandAdapter
{
    /// <summary>
    /// What get-configuration asks for when the body names no keys. 2.0.1 has no "everything" GetVariables; the full
    /// device model only comes as asynchronous NotifyReport messages after GetBaseReport, which is not an answer to
    /// this call. So a direct call reads the one variable every CSMS needs and stations are expected to report.
    /// </summary>
    public static IReadOnlyList<string> DefaultConfigurationKeys { get; } = ["OCPPCommCtrlr.HeartbeatInterval"];

    public OcppVersion Version => OcppVersion.V201;

    public OcppOutgoingCall Build(StationCommandArguments arguments, StationCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        return arguments switch
        {
            RemoteStartArguments a => Call("RequestStartTransaction", new RequestStartTransactionRequest
            {
                EvseId = StartEvse(a.Where),
                IdToken = Token(a.IdTag, !context.IdTagIsRfid),
                RemoteStartId = context.RemoteStartId,
            }),
            RemoteStopArguments a => Call("RequestStopTransaction", new RequestStopTransactionRequest { TransactionId = a.TransactionId }),
            UnlockArguments a => Unlock(a.Where),
            ResetArguments a => Call("Reset", new ResetRequest { Type = a.Type == ResetKind.Hard ? ResetEnum.Immediate : ResetEnum.OnIdle }),
            ChangeAvailabilityArguments a => Call("ChangeAvailability", new ChangeAvailabilityRequest
            {
                Evse = Evse(a.Where),
                OperationalStatus = a.Operative ? OperationalStatusEnum.Operative : OperationalStatusEnum.Inoperative,
            }),
            GetConfigurationArguments a => Call("GetVariables", new GetVariablesRequest
            {
                GetVariableData = [.. (a.Keys.Count == 0 ? DefaultConfigurationKeys : a.Keys).Select((key, i) =>
                {
                    var (component, variable) = ComponentVariable(key, $"keys[{i}]");
                    return new GetVariableData { Component = component, Variable = variable };
                })],
            }),
            SetConfigurationArguments a => SetConfiguration(a),
            GetVariablesArguments a => GetVariables(a),
            SetVariablesArguments a => SetVariables(a),
            SetVariableMonitoringArguments a => SetVariableMonitoring(a),
            ClearVariableMonitoringArguments a => ClearVariableMonitoring(a),
            SetMonitoringBaseArguments a => SetMonitoringBase(a),
            SetMonitoringLevelArguments a => SetMonitoringLevel(a),
            GetMonitoringReportArguments a => GetMonitoringReport(a, context),
            TriggerMessageArguments { Message: TriggerableMessage.SignChargingStationCertificate } => CertificateCalls.BuildV201(arguments),
            TriggerMessageArguments a => Call("TriggerMessage", new TriggerMessageRequest { RequestedMessage = Trigger(a.Message), Evse = Evse(a.Where) }),
            ReserveNowArguments a => Call("ReserveNow", new ReserveNowRequest
            {
                Id = a.ReservationId,
                ExpiryDateTime = a.ExpiresAt,
                IdToken = Token(a.IdTag, !context.IdTagIsRfid),
                EvseId = EvseId(a.Where) is > 0 and var evseId ? evseId : null,
                GroupIdToken = context.Tokens.TryGetValue(a.IdTag, out var token) ? GroupToken(token, context) : null,
            }),
            CancelReservationArguments a => Call("CancelReservation", new CancelReservationRequest { ReservationId = a.ReservationId }),
            SetChargingProfileArguments a => Call("SetChargingProfile", new SetChargingProfileRequest
            {
                EvseId = EvseId(a.Where) ?? 0,
                ChargingProfile = Profile(a.Profile),
            }),
            ClearChargingProfileArguments a => Call("ClearChargingProfile", new ClearChargingProfileRequest
            {
                ChargingProfileId = a.ProfileId,
                ChargingProfileCriteria = a.Where.IsEmpty && a.Purpose is null && a.StackLevel is null
                    ? null
                    : new ClearChargingProfile
                    {
                        EvseId = EvseId(a.Where),
                        ChargingProfilePurpose = a.Purpose is { } purpose ? Purpose(purpose) : null,
                        StackLevel = a.StackLevel,
                    },
            }),
            GetCompositeScheduleArguments a => Call("GetCompositeSchedule", new GetCompositeScheduleRequest
            {
                EvseId = EvseId(a.Where) ?? 0,
                Duration = a.DurationSeconds,
                ChargingRateUnit = a.Unit switch { ChargingUnit.W => ChargingRateUnitEnum.W, ChargingUnit.A => ChargingRateUnitEnum.A, _ => null },
            }),
            UpdateFirmwareArguments a => Call("UpdateFirmware", new UpdateFirmwareRequest
            {
                RequestId = context.RequestId,
                Firmware = new Firmware
                {
                    Location = a.Location,
                    RetrieveDateTime = a.RetrieveAt,
                    InstallDateTime = a.InstallAt,
                    SigningCertificate = a.Signing is null ? null : SigningCertificate(a.Signing),
                    Signature = a.Signing?.Signature,
                },
                Retries = a.Retries,
            }),
            GetDiagnosticsArguments a => Call("GetLog", new GetLogRequest
            {
                LogType = a.LogType == LogKind.SecurityLog ? LogEnum.SecurityLog : LogEnum.DiagnosticsLog,
                RequestId = context.RequestId,
                Log = new LogParameters { RemoteLocation = UploadUrl(context), OldestTimestamp = a.From, LatestTimestamp = a.To },
            }),
            SendLocalListArguments a => Call("SendLocalList", new SendLocalListRequest
            {
                VersionNumber = context.NextLocalListVersion,
                UpdateType = a.UpdateType == LocalListUpdate.Full ? UpdateEnum.Full : UpdateEnum.Differential,
                LocalAuthorizationList = a.Tokens.Count == 0 ? null : [.. a.Tokens.Select(idTag => ListEntry(idTag, context))],
            }),
            GetLocalListVersionArguments => Call("GetLocalListVersion", new GetLocalListVersionRequest()),
            ClearCacheArguments => Call("ClearCache", new ClearCacheRequest()),
            DataTransferArguments a => Call("DataTransfer", new DataTransferRequest { VendorId = a.VendorId, MessageId = a.MessageId, Data = a.Data }),
            CertificateSignedArguments or InstallCertificateArguments or DeleteCertificateArguments or GetInstalledCertificateIdsArguments => CertificateCalls.BuildV201(arguments),
            CostUpdatedArguments a => Call("CostUpdated", new CostUpdatedRequest { TransactionId = a.TransactionId, TotalCost = a.TotalCost }),
            GetTransactionStatusArguments a => Call("GetTransactionStatus", new GetTransactionStatusRequest { TransactionId = a.TransactionId }),
            GetChargingProfilesArguments a => GetChargingProfiles(a, context),
            SetNetworkProfileArguments a => SetNetworkProfile(a),
            PublishFirmwareArguments a => PublishFirmware(a, context),
            UnpublishFirmwareArguments a => UnpublishFirmware(a),
            _ when StationNoticeCalls.Handles(arguments) => StationNoticeCalls.BuildV201(arguments, context),
            _ => throw new ArgumentOutOfRangeException(nameof(arguments), arguments.GetType().Name, "No OCPP 2.0.1 mapping for this command."),
        };
    }

    public JsonObject MapAnswer(OcppOutgoingCall call, JsonElement response)
    {
        ArgumentNullException.ThrowIfNull(call);
        switch (call.Action)
        {
            case "GetVariables":
            {
                var answer = StationAnswers.Create(call, response, StationAnswers.Aggregate(response, "getVariableResult", "attributeStatus"));
                AddConfiguration(answer, response);
                return answer;
            }

            case "SetVariables":
                return StationAnswers.Create(call, response, StationAnswers.Aggregate(response, "setVariableResult", "attributeStatus"));

            case "SetVariableMonitoring":
                return StationAnswers.Create(call, response, StationAnswers.Aggregate(response, "setMonitoringResult", "status"));

            case "ClearVariableMonitoring":
                return StationAnswers.Create(call, response, StationAnswers.Aggregate(response, "clearMonitoringResult", "status"));

            case "GetLocalListVersion":
            {
                var answer = StationAnswers.Create(call, response);
                answer["listVersion"] = response.GetProperty("versionNumber").GetInt32();
                return answer;
            }

            case "GetInstalledCertificateIds":
            {
                var answer = StationAnswers.Create(call, response);
                CertificateCalls.AddV201Certificates(answer, response);
                return answer;
            }

            default:
                return StationAnswers.Create(call, response);
        }
    }

    /// <summary>L01.FR.11: a signed update always names its signing certificate (FirmwareService fills in the CSMS's own).</summary>
    internal static string SigningCertificate(FirmwareSigning signing) => signing.SigningCertificate
        ?? throw new StationCommandArgumentException("signingCertificate",
            "A signed firmware update needs the signing certificate: give signingCertificate, or configure the CSMS's own (FirmwareSigning:CertificatePath).");

    private static OcppOutgoingCall Call<TRequest>(string action, TRequest request)
        where TRequest : class
        => OutgoingCalls.Create(OcppVersion.V201, action, request);

    /// <summary>The EVSE a body names: evseId, or else connectorId read as an EVSE id (DESIGN.md).</summary>
    private static int? EvseId(ConnectorAddress where) => where.EvseId ?? where.ConnectorId;

    /// <summary>
    /// The EVSE (and connector) a body names, or null for the whole station (id 0). With only connectorId given
    /// it is EVSE connectorId, connector 1.
    /// </summary>
    private static EVSE? Evse(ConnectorAddress where) => where switch
    {
        { EvseId: 0 } or { EvseId: null, ConnectorId: 0 or null } => null,
        { EvseId: { } evse } => new EVSE { Id = evse, ConnectorId = where.ConnectorId },
        { ConnectorId: { } connector } => new EVSE { Id = connector, ConnectorId = 1 },
    };

    private static int? StartEvse(ConnectorAddress where)
        => where is { EvseId: not null, ConnectorId: not null }
            ? throw new StationCommandArgumentException(
                "connectorId", "Give evseId or connectorId, not both: an OCPP 2.0.1 RequestStartTransaction addresses an EVSE only.")
            : EvseId(where);

    private static OcppOutgoingCall Unlock(ConnectorAddress where)
    {
        var evse = Evse(where) ?? throw new StationCommandArgumentException("connectorId", "unlock needs a connector (connectorId or evseId > 0), not the whole station.");
        return Call("UnlockConnector", new UnlockConnectorRequest { EvseId = evse.Id, ConnectorId = evse.ConnectorId ?? 1 });
    }

    private static OcppOutgoingCall SetConfiguration(SetConfigurationArguments arguments)
    {
        var (component, variable) = ComponentVariable(arguments.Key, "key");
        return Call("SetVariables", new SetVariablesRequest
        {
            SetVariableData = [new SetVariableData { Component = component, Variable = variable, AttributeValue = arguments.Value }],
        });
    }

    /// <summary>Splits <c>Component.Variable</c> at the first dot (component names have none; variable names may).</summary>
    private static (Component Component, Variable Variable) ComponentVariable(string key, string field)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < key.Length - 1
            ? (new Component { Name = key[..dot] }, new Variable { Name = key[(dot + 1)..] })
            : throw new StationCommandArgumentException(
                field, $"{field} must be Component.Variable for an OCPP 2.0.1 station (e.g. OCPPCommCtrlr.HeartbeatInterval), got \"{key}\".");
    }

    private static IdToken Token(string idTag, bool isCentral)
        => new() { Value = idTag, Type = isCentral ? IdTokenEnum.Central : IdTokenEnum.ISO14443 };

    private static IdToken? GroupToken(TokenInfo token, StationCommandContext context)
        => token.ParentIdTag is { } parent
            ? Token(parent, !(context.Tokens.TryGetValue(parent, out var parentToken) ? parentToken.IsRfid : false))
            : null;

    private static MessageTriggerEnum Trigger(TriggerableMessage message) => message switch
    {
        TriggerableMessage.BootNotification => MessageTriggerEnum.BootNotification,
        TriggerableMessage.Heartbeat => MessageTriggerEnum.Heartbeat,
        TriggerableMessage.StatusNotification => MessageTriggerEnum.StatusNotification,
        TriggerableMessage.MeterValues => MessageTriggerEnum.MeterValues,
        TriggerableMessage.FirmwareStatusNotification => MessageTriggerEnum.FirmwareStatusNotification,
        TriggerableMessage.DiagnosticsStatusNotification => MessageTriggerEnum.LogStatusNotification,
        TriggerableMessage.TransactionEvent => MessageTriggerEnum.TransactionEvent,
        TriggerableMessage.SignV2GCertificate => MessageTriggerEnum.SignV2GCertificate,
        TriggerableMessage.SignCombinedCertificate => MessageTriggerEnum.SignCombinedCertificate,
        TriggerableMessage.PublishFirmwareStatusNotification => MessageTriggerEnum.PublishFirmwareStatusNotification,
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, null),
    };

    private static ChargingProfilePurposeEnum Purpose(ProfilePurpose purpose) => purpose switch
    {
        ProfilePurpose.StationMaxProfile => ChargingProfilePurposeEnum.ChargingStationMaxProfile,
        ProfilePurpose.TxDefaultProfile => ChargingProfilePurposeEnum.TxDefaultProfile,
        ProfilePurpose.TxProfile => ChargingProfilePurposeEnum.TxProfile,
        ProfilePurpose.ChargingStationExternalConstraints => ChargingProfilePurposeEnum.ChargingStationExternalConstraints,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    private static ChargingProfile Profile(JsonElement profile)
        => OutgoingCalls.ChargingProfile(OcppVersion.V201, profile, V201JsonContext.Default.ChargingProfile);

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
            IdToken = Token(idTag, !token.IsRfid),
            IdTokenInfo = new IdTokenInfo
            {
                Status = token.Status switch
                {
                    TokenStanding.Accepted => AuthorizationStatusEnum.Accepted,
                    TokenStanding.Blocked => AuthorizationStatusEnum.Blocked,
                    TokenStanding.Expired => AuthorizationStatusEnum.Expired,
                    _ => AuthorizationStatusEnum.Invalid,
                },
                CacheExpiryDateTime = token.ExpiresAt,
                GroupIdToken = GroupToken(token, context),
            },
        };
    }

    /// <summary>Neutral configuration list: Accepted results with their value; Unknown* results as unknownKeys.</summary>
    private static void AddConfiguration(JsonObject answer, JsonElement response)
    {
        var configuration = new JsonArray();
        var unknownKeys = new JsonArray();
        if (response.TryGetProperty("getVariableResult", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var result in results.EnumerateArray())
            {
                var key = $"{result.GetProperty("component").GetProperty("name").GetString()}.{result.GetProperty("variable").GetProperty("name").GetString()}";
                switch (result.GetProperty("attributeStatus").GetString())
                {
                    case StationAnswers.Accepted:
                        var value = result.TryGetProperty("attributeValue", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                        configuration.Add(StationAnswers.ConfigurationEntry(key, value, isReadonly: null));
                        break;
                    case "UnknownComponent" or "UnknownVariable":
                        unknownKeys.Add(key);
                        break;
                    default:
                        // Rejected / NotSupportedAttributeType: neither a value nor unknown; getVariableResult keeps the detail.
                        break;
                }
            }
        }

        answer["configuration"] = configuration;
        answer["unknownKeys"] = unknownKeys;
    }
}
