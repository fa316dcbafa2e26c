using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;

namespace ChargePortal.Simulator.Protocol;

/// <summary>OCPP 2.0.1: each simulated connector is an EVSE (id = connector number) with one connector (id 1); the station names transactions.</summary>
internal sealed class V201Adapter(SimulatedChargePoint station) : ProtocolAdapter(station)
{

    public override async Task<BootResult> BootAsync(OcppRpcPeer peer, BootReason reason, CancellationToken ct)
    {
        var response = await peer.CallAsync<BootNotificationRequest, BootNotificationResponse>(
            "BootNotification",
            new BootNotificationRequest
            {
                ChargingStation = new ChargingStation
                {
                    VendorName = Station.Options.Vendor,
                    Model = Station.Options.Model,
                    SerialNumber = Station.Options.SerialNumber,
                    FirmwareVersion = Station.FirmwareVersion,
                },
                Reason = reason switch
                {
                    BootReason.RemoteReset => BootReasonEnum.RemoteReset,
                    BootReason.FirmwareUpdate => BootReasonEnum.FirmwareUpdate,
                    BootReason.Triggered => BootReasonEnum.Triggered,
                    _ => BootReasonEnum.PowerUp,
                },
            },
            ct);
        return new BootResult(response.Status.ToString(), response.Interval);
    }

    public override Task HeartbeatAsync(OcppRpcPeer peer, CancellationToken ct)
        => peer.CallAsync<HeartbeatRequest, HeartbeatResponse>("Heartbeat", new HeartbeatRequest(), ct);

    public override async Task<bool> AuthorizeAsync(OcppRpcPeer peer, string idTag, CancellationToken ct)
    {
        var response = await peer.CallAsync<AuthorizeRequest, AuthorizeResponse>("Authorize", new AuthorizeRequest { IdToken = Token(idTag, IdTokenEnum.ISO14443) }, ct);
        return response.IdTokenInfo.Status == AuthorizationStatusEnum.Accepted;
    }

    public override IEnumerable<QueuedMessage> AllStatuses(DateTimeOffset now)
        => Station.Connectors.Select(c => Status(c.ConnectorId, Map(c.Status), now));

    public override QueuedMessage? StatusChanged(int connectorId, ConnectorStatus old, ConnectorStatus status, DateTimeOffset now)
        => Map(old) == Map(status) ? null : Status(connectorId, Map(status), now);

    public override QueuedMessage StartTransaction(SimTransaction tx, DateTimeOffset now)
    {
        var pluggedIn = tx.Trigger == SessionTrigger.CablePluggedIn;
        var request = new TransactionEventRequest
        {
            EventType = TransactionEventEnum.Started,
            Timestamp = now,
            TriggerReason = tx.Trigger switch
            {
                SessionTrigger.Remote => TriggerReasonEnum.RemoteStart,
                SessionTrigger.CablePluggedIn => TriggerReasonEnum.CablePluggedIn,
                _ => TriggerReasonEnum.Authorized,
            },
            SeqNo = tx.SeqNo++,
            TransactionInfo = new Transaction
            {
                TransactionId = tx.LocalId,
                ChargingState = pluggedIn ? ChargingStateEnum.EVConnected : ChargingStateEnum.Charging,
                RemoteStartId = tx.RemoteStartId,
            },
            Evse = new EVSE { Id = tx.ConnectorId, ConnectorId = 1 },

            // E02: the cable started it; nobody is known until the card is presented (the Authorized event).
            IdToken = pluggedIn ? null : Token(tx.IdTag, tx.Trigger == SessionTrigger.Remote ? IdTokenEnum.Central : IdTokenEnum.ISO14443),
            ReservationId = tx.ReservationId,
            MeterValue = [MeterValue(new MeterSample(now, (int)tx.MeterStartWh, 0, null), ReadingContextEnum.TransactionBegin, withPower: false)],
        };
        return Event(request);
    }

    public override QueuedMessage Authorized(SimTransaction tx, MeterSample sample)
        => Event(new TransactionEventRequest
        {
            EventType = TransactionEventEnum.Updated,
            Timestamp = sample.Timestamp,
            TriggerReason = TriggerReasonEnum.Authorized,
            SeqNo = tx.SeqNo++,
            TransactionInfo = new Transaction { TransactionId = tx.LocalId, ChargingState = ChargingStateEnum.Charging },
            IdToken = Token(tx.IdTag, IdTokenEnum.ISO14443),
            MeterValue = [MeterValue(sample, ReadingContextEnum.SamplePeriodic, withPower: true)],
        });

    public override QueuedMessage MeterValues(SimTransaction tx, MeterSample sample, bool triggered)
        => Event(new TransactionEventRequest
        {
            EventType = TransactionEventEnum.Updated,
            Timestamp = sample.Timestamp,
            TriggerReason = triggered ? TriggerReasonEnum.Trigger : TriggerReasonEnum.MeterValuePeriodic,
            SeqNo = tx.SeqNo++,
            TransactionInfo = new Transaction { TransactionId = tx.LocalId, ChargingState = ChargingStateEnum.Charging },
            MeterValue = [MeterValue(sample, triggered ? ReadingContextEnum.Trigger : ReadingContextEnum.SamplePeriodic, withPower: true)],
        });

    public override QueuedMessage StopTransaction(SimTransaction tx, StopReason reason, DateTimeOffset now, int meterStopWh)
        => Event(new TransactionEventRequest
        {
            EventType = TransactionEventEnum.Ended,
            Timestamp = now,
            TriggerReason = reason switch
            {
                StopReason.Remote => TriggerReasonEnum.RemoteStop,
                StopReason.Local => TriggerReasonEnum.StopAuthorized,
                StopReason.EVDisconnected => TriggerReasonEnum.EVDeparted,
                StopReason.DeAuthorized => TriggerReasonEnum.Deauthorized,
                StopReason.HardReset or StopReason.SoftReset or StopReason.Reboot => TriggerReasonEnum.ResetCommand,
                StopReason.UnlockCommand => TriggerReasonEnum.UnlockCommand,
                _ => TriggerReasonEnum.AbnormalCondition,
            },
            SeqNo = tx.SeqNo++,
            TransactionInfo = new Transaction
            {
                TransactionId = tx.LocalId,
                ChargingState = ChargingStateEnum.Idle,
                StoppedReason = Map(reason),
                TimeSpentCharging = (int)((now - tx.StartedAt).TotalSeconds * Station.Options.SpeedFactor),
            },
            Evse = new EVSE { Id = tx.ConnectorId, ConnectorId = 1 },
            IdToken = reason == StopReason.Local && tx.IdTag.Length > 0 ? Token(tx.IdTag, IdTokenEnum.ISO14443) : null,
            MeterValue = [MeterValue(new MeterSample(now, meterStopWh, 0, null), ReadingContextEnum.TransactionEnd, withPower: false)],
        });

    protected override QueuedMessage FirmwareStatusMessage(string status, int? requestId)
        => Message<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(
            "FirmwareStatusNotification",
            new FirmwareStatusNotificationRequest { Status = Enum.Parse<FirmwareStatusEnum>(status), RequestId = requestId },
            Station.Time.GetUtcNow(),
            persistent: false);

    protected override QueuedMessage DiagnosticsStatusMessage(string status, int? requestId)
        => Message<LogStatusNotificationRequest, LogStatusNotificationResponse>(
            "LogStatusNotification",
            new LogStatusNotificationRequest
            {
                Status = status switch
                {
                    "UploadFailed" => UploadLogStatusEnum.UploadFailure,
                    _ => Enum.Parse<UploadLogStatusEnum>(status),
                },
                RequestId = requestId,
            },
            Station.Time.GetUtcNow(),
            persistent: false);

    public override ValueTask<OcppCallOutcome> HandleAsync(OcppIncomingCall call, CancellationToken ct)
    {
        var outcome = call.Action switch
        {
            "RequestStartTransaction" => RequestStart(call, call.ReadRequest<RequestStartTransactionRequest>()),
            "RequestStopTransaction" => RequestStop(call, call.ReadRequest<RequestStopTransactionRequest>()),
            "Reset" => Reset(call, call.ReadRequest<ResetRequest>()),
            "SetVariables" => SetVariables(call, call.ReadRequest<SetVariablesRequest>()),
            "GetVariables" => GetVariables(call, call.ReadRequest<GetVariablesRequest>()),
            "GetBaseReport" => GetBaseReport(call, call.ReadRequest<GetBaseReportRequest>()),
            "ChangeAvailability" => ChangeAvailability(call, call.ReadRequest<ChangeAvailabilityRequest>()),
            "UnlockConnector" => Unlock(call, call.ReadRequest<UnlockConnectorRequest>()),
            "TriggerMessage" => Trigger(call, call.ReadRequest<TriggerMessageRequest>()),
            "ReserveNow" => ReserveNow(call, call.ReadRequest<ReserveNowRequest>()),
            "CancelReservation" => call.Respond(new CancelReservationResponse
            {
                Status = Station.CancelReservation(call.ReadRequest<CancelReservationRequest>().ReservationId) ? CancelReservationStatusEnum.Accepted : CancelReservationStatusEnum.Rejected,
            }),
            "SetChargingProfile" => SetChargingProfile(call, call.ReadRequest<SetChargingProfileRequest>()),
            "ClearChargingProfile" => ClearChargingProfile(call, call.ReadRequest<ClearChargingProfileRequest>()),
            "GetCompositeSchedule" => GetCompositeSchedule(call, call.ReadRequest<GetCompositeScheduleRequest>()),
            "UpdateFirmware" => UpdateFirmware(call, call.ReadRequest<UpdateFirmwareRequest>()),
            "GetLog" => GetLog(call, call.ReadRequest<GetLogRequest>()),
            "SendLocalList" => SendLocalList(call, call.ReadRequest<SendLocalListRequest>()),
            "GetLocalListVersion" => call.Respond(new GetLocalListVersionResponse { VersionNumber = Station.LocalListVersion }),
            "ClearCache" => call.Respond(new ClearCacheResponse { Status = ClearCacheStatusEnum.Accepted }),
            "DataTransfer" => call.Respond(new DataTransferResponse { Status = DataTransferStatusEnum.Accepted, Data = call.ReadRequest<DataTransferRequest>().Data }),
            "GetTransactionStatus" => GetTransactionStatus(call, call.ReadRequest<GetTransactionStatusRequest>()),
            _ => OcppCallOutcome.NotSupported(call.Action),
        };
        return ValueTask.FromResult(outcome);
    }

    private OcppCallOutcome RequestStart(OcppIncomingCall call, RequestStartTransactionRequest request)
    {
        var idTag = request.IdToken.Value;
        var evseId = request.EvseId ?? Station.FindConnectorFor(idTag);
        if (evseId is not { } id || !Station.CanStart(id, idTag))
        {
            return call.Respond(new RequestStartTransactionResponse { Status = RequestStartStopStatusEnum.Rejected });
        }

        var transactionId = Station.NewTransactionId();
        var authorize = bool.TryParse(Station.Configuration.TryGet("AuthorizeRemoteTxRequests", out var entry) ? entry.Value : null, out var yes) && yes;
        Station.AfterReply(call, async ct =>
        {
            if (authorize && !await Station.AuthorizeAsync(idTag, ct))
            {
                return;
            }

            if (request.ChargingProfile is { } profile && ToProfile(id, profile) is { } simProfile)
            {
                Station.SetChargingProfile(simProfile with { TransactionId = transactionId });
            }

            Station.StartSession(id, idTag, SessionTrigger.Remote, request.RemoteStartId, transactionId);
        });
        return call.Respond(new RequestStartTransactionResponse { Status = RequestStartStopStatusEnum.Accepted, TransactionId = transactionId });
    }

    private OcppCallOutcome RequestStop(OcppIncomingCall call, RequestStopTransactionRequest request)
    {
        if (Station.FindTransaction(request.TransactionId) is not { } tx || tx.LocalId != request.TransactionId)
        {
            return call.Respond(new RequestStopTransactionResponse { Status = RequestStartStopStatusEnum.Rejected });
        }

        Station.AfterReply(call, ct => Station.StopSessionAsync(tx.ConnectorId, StopReason.Remote, ct));
        return call.Respond(new RequestStopTransactionResponse { Status = RequestStartStopStatusEnum.Accepted });
    }

    private OcppCallOutcome Reset(OcppIncomingCall call, ResetRequest request)
    {
        if (request.EvseId is { } evseId && !Station.IsKnownConnector(evseId))
        {
            return call.Respond(new ResetResponse { Status = ResetStatusEnum.Rejected });
        }

        if (request.Type == ResetEnum.OnIdle && Station.HasActiveTransactions)
        {
            Station.ScheduleResetWhenIdle();
            return call.Respond(new ResetResponse { Status = ResetStatusEnum.Scheduled });
        }

        Station.AfterReply(call, ct => Station.RebootAsync(StopReason.HardReset, ct));
        return call.Respond(new ResetResponse { Status = ResetStatusEnum.Accepted });
    }

    private OcppCallOutcome SetVariables(OcppIncomingCall call, SetVariablesRequest request)
    {
        var results = request.SetVariableData.Select(data =>
        {
            SetVariableStatusEnum status;
            if (data.AttributeType is { } type && type != AttributeEnum.Actual)
            {
                status = SetVariableStatusEnum.NotSupportedAttributeType;
            }
            else
            {
                status = Station.Configuration.TrySet($"{data.Component.Name}.{data.Variable.Name}", data.AttributeValue) switch
                {
                    ConfigurationChangeResult.Accepted => SetVariableStatusEnum.Accepted,
                    ConfigurationChangeResult.Rejected => SetVariableStatusEnum.Rejected,
                    _ => Station.Configuration.HasComponent(data.Component.Name) ? SetVariableStatusEnum.UnknownVariable : SetVariableStatusEnum.UnknownComponent,
                };
            }

            return new SetVariableResult { AttributeType = data.AttributeType, AttributeStatus = status, Component = data.Component, Variable = data.Variable };
        }).ToList();
        return call.Respond(new SetVariablesResponse { SetVariableResult = results });
    }

    private OcppCallOutcome GetVariables(OcppIncomingCall call, GetVariablesRequest request)
    {
        var results = request.GetVariableData.Select(data =>
        {
            if (data.AttributeType is { } type && type != AttributeEnum.Actual)
            {
                return Result(GetVariableStatusEnum.NotSupportedAttributeType, null);
            }

            if (Station.Configuration.TryGet(data.Component.Name, data.Variable.Name, out var entry))
            {
                return Result(GetVariableStatusEnum.Accepted, entry.Value);
            }

            return Result(Station.Configuration.HasComponent(data.Component.Name) ? GetVariableStatusEnum.UnknownVariable : GetVariableStatusEnum.UnknownComponent, null);

            GetVariableResult Result(GetVariableStatusEnum status, string? value)
                => new() { AttributeStatus = status, AttributeType = data.AttributeType, AttributeValue = value, Component = data.Component, Variable = data.Variable };
        }).ToList();
        return call.Respond(new GetVariablesResponse { GetVariableResult = results });
    }

    private OcppCallOutcome GetBaseReport(OcppIncomingCall call, GetBaseReportRequest request)
    {
        Station.AfterReply(call, ct =>
        {
            var report = Station.Configuration.Entries.Select(e => new ReportData
            {
                Component = new Component { Name = e.Component },
                Variable = new Variable { Name = e.Variable },
                VariableAttribute = [new VariableAttribute { Type = AttributeEnum.Actual, Value = e.Value, Mutability = e.ReadOnly ? MutabilityEnum.ReadOnly : MutabilityEnum.ReadWrite }],
                VariableCharacteristics = new VariableCharacteristics
                {
                    DataType = e.Kind switch
                    {
                        ConfigurationValueKind.Integer => DataEnum.Integer,
                        ConfigurationValueKind.Boolean => DataEnum.Boolean,
                        _ => DataEnum.String,
                    },
                    SupportsMonitoring = false,
                },
            }).ToList();
            var now = Station.Time.GetUtcNow();
            Station.Enqueue(Message<NotifyReportRequest, NotifyReportResponse>(
                "NotifyReport",
                new NotifyReportRequest { RequestId = request.RequestId, GeneratedAt = now, ReportData = report, SeqNo = 0, Tbc = false },
                now,
                persistent: false));
            return Task.CompletedTask;
        });
        return call.Respond(new GetBaseReportResponse { Status = GenericDeviceModelStatusEnum.Accepted });
    }

    private OcppCallOutcome ChangeAvailability(OcppIncomingCall call, ChangeAvailabilityRequest request)
    {
        var status = Station.ChangeAvailability(request.Evse?.Id, request.OperationalStatus == OperationalStatusEnum.Operative);
        return call.Respond(new ChangeAvailabilityResponse { Status = Enum.Parse<ChangeAvailabilityStatusEnum>(status) });
    }

    private OcppCallOutcome Unlock(OcppIncomingCall call, UnlockConnectorRequest request)
    {
        var status = !Station.IsKnownConnector(request.EvseId) || request.ConnectorId != 1
            ? UnlockStatusEnum.UnknownConnector
            : Station.GetConnector(request.EvseId).Transaction is not null
                ? UnlockStatusEnum.OngoingAuthorizedTransaction
                : UnlockStatusEnum.Unlocked;
        return call.Respond(new UnlockConnectorResponse { Status = status });
    }

    private OcppCallOutcome Trigger(OcppIncomingCall call, TriggerMessageRequest request)
    {
        if (request.Evse is { } evse && !Station.IsKnownConnector(evse.Id))
        {
            return call.Respond(new TriggerMessageResponse { Status = TriggerMessageStatusEnum.Rejected });
        }

        var connectors = request.Evse is { } only ? [Station.Connector(only.Id)] : Station.AllConnectors;
        var now = Station.Time.GetUtcNow();
        Action? send = request.RequestedMessage switch
        {
            MessageTriggerEnum.BootNotification => () => Station.Enqueue(new QueuedMessage("BootNotification", now, false, (peer, c) => BootAsync(peer, BootReason.Triggered, c))),
            MessageTriggerEnum.Heartbeat => () => Station.Enqueue(new QueuedMessage("Heartbeat", now, false, HeartbeatAsync)),
            MessageTriggerEnum.StatusNotification => () =>
            {
                foreach (var connector in connectors)
                {
                    Station.Enqueue(Status(connector.Id, Map(connector.Status), now));
                }
            },
            MessageTriggerEnum.MeterValues => () =>
            {
                foreach (var connector in connectors)
                {
                    var sample = Station.CurrentSample(connector);
                    Station.Enqueue(Message<MeterValuesRequest, MeterValuesResponse>(
                        "MeterValues",
                        new MeterValuesRequest { EvseId = connector.Id, MeterValue = [MeterValue(sample, ReadingContextEnum.Trigger, withPower: true)] },
                        now,
                        persistent: false));
                }
            },
            MessageTriggerEnum.TransactionEvent => () =>
            {
                foreach (var connector in connectors)
                {
                    if (connector.Transaction is { } tx)
                    {
                        Station.SampleAndEnqueue(connector, tx, triggered: true);
                    }
                }
            },
            MessageTriggerEnum.FirmwareStatusNotification => () => Station.Enqueue(FirmwareStatusMessage(Station.FirmwareStatus, null)),
            MessageTriggerEnum.LogStatusNotification => () => Station.Enqueue(DiagnosticsStatusMessage(Station.DiagnosticsStatus, null)),
            _ => null,
        };
        if (send is null)
        {
            return call.Respond(new TriggerMessageResponse { Status = TriggerMessageStatusEnum.NotImplemented });
        }

        Station.AfterReply(call, _ =>
        {
            send();
            return Task.CompletedTask;
        });
        return call.Respond(new TriggerMessageResponse { Status = TriggerMessageStatusEnum.Accepted });
    }

    private OcppCallOutcome ReserveNow(OcppIncomingCall call, ReserveNowRequest request)
    {
        var status = Station.Reserve(request.EvseId, request.Id, request.IdToken.Value, request.ExpiryDateTime);
        return call.Respond(new ReserveNowResponse { Status = Enum.Parse<ReserveNowStatusEnum>(status) });
    }

    private OcppCallOutcome SetChargingProfile(OcppIncomingCall call, SetChargingProfileRequest request)
    {
        if ((request.EvseId != 0 && !Station.IsKnownConnector(request.EvseId)) || ToProfile(request.EvseId, request.ChargingProfile) is not { } profile)
        {
            return call.Respond(new SetChargingProfileResponse { Status = ChargingProfileStatusEnum.Rejected });
        }

        if (profile.Purpose == nameof(ChargingProfilePurposeEnum.TxProfile) && (request.EvseId == 0 || Station.GetConnector(request.EvseId).Transaction is null))
        {
            return call.Respond(new SetChargingProfileResponse { Status = ChargingProfileStatusEnum.Rejected });
        }

        Station.SetChargingProfile(profile);
        return call.Respond(new SetChargingProfileResponse { Status = ChargingProfileStatusEnum.Accepted });
    }

    private OcppCallOutcome ClearChargingProfile(OcppIncomingCall call, ClearChargingProfileRequest request)
    {
        var criteria = request.ChargingProfileCriteria;
        var cleared = Station.ClearChargingProfiles(request.ChargingProfileId, criteria?.EvseId, criteria?.ChargingProfilePurpose?.ToString(), criteria?.StackLevel);
        return call.Respond(new ClearChargingProfileResponse { Status = cleared ? ClearChargingProfileStatusEnum.Accepted : ClearChargingProfileStatusEnum.Unknown });
    }

    private OcppCallOutcome GetCompositeSchedule(OcppIncomingCall call, GetCompositeScheduleRequest request)
    {
        if (request.EvseId != 0 && !Station.IsKnownConnector(request.EvseId))
        {
            return call.Respond(new GetCompositeScheduleResponse { Status = GenericStatusEnum.Rejected });
        }

        var amps = request.ChargingRateUnit == ChargingRateUnitEnum.A;
        var maxW = request.EvseId == 0 ? Station.AllConnectors.Sum(c => c.Options.MaxPowerW) : Station.Connector(request.EvseId).Options.MaxPowerW;
        var limitW = Math.Min(maxW, Station.PowerLimitW(request.EvseId) ?? double.MaxValue);
        return call.Respond(new GetCompositeScheduleResponse
        {
            Status = GenericStatusEnum.Accepted,
            Schedule = new CompositeSchedule
            {
                EvseId = request.EvseId,
                Duration = request.Duration,
                ScheduleStart = Station.Time.GetUtcNow(),
                ChargingRateUnit = amps ? ChargingRateUnitEnum.A : ChargingRateUnitEnum.W,
                ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = WattsTo(limitW, amps), NumberPhases = amps ? SimulatedChargePoint.Phases : null }],
            },
        });
    }

    private OcppCallOutcome UpdateFirmware(OcppIncomingCall call, UpdateFirmwareRequest request)
    {
        RunFirmwareUpdate(call, request.Firmware.Location, request.Firmware.RetrieveDateTime, request.RequestId);
        return call.Respond(new UpdateFirmwareResponse { Status = UpdateFirmwareStatusEnum.Accepted });
    }

    private OcppCallOutcome GetLog(OcppIncomingCall call, GetLogRequest request)
    {
        var fileName = RunDiagnosticsUpload(call, request.Log.RemoteLocation, request.RequestId);
        return call.Respond(new GetLogResponse { Status = LogStatusEnum.Accepted, Filename = fileName });
    }

    private OcppCallOutcome SendLocalList(OcppIncomingCall call, SendLocalListRequest request)
    {
        var entries = (request.LocalAuthorizationList ?? []).Select(e => (e.IdToken.Value, e.IdTokenInfo is { } info ? info.Status == AuthorizationStatusEnum.Accepted : (bool?)null));
        var updated = Station.UpdateLocalList(request.VersionNumber, request.UpdateType == UpdateEnum.Full, entries);
        return call.Respond(new SendLocalListResponse { Status = updated ? SendLocalListStatusEnum.Accepted : SendLocalListStatusEnum.VersionMismatch });
    }

    private OcppCallOutcome GetTransactionStatus(OcppIncomingCall call, GetTransactionStatusRequest request)
        => call.Respond(new GetTransactionStatusResponse
        {
            MessagesInQueue = Station.QueuedMessageCount > 0,
            OngoingIndicator = request.TransactionId is null ? null : Station.FindTransaction(request.TransactionId) is not null,
        });

    private static SimChargingProfile? ToProfile(int evseId, ChargingProfile profile)
    {
        if (profile.ChargingSchedule is not [var schedule, ..] || schedule.ChargingSchedulePeriod is not [var period, ..])
        {
            return null;
        }

        var watts = LimitToWatts(period.Limit, schedule.ChargingRateUnit == ChargingRateUnitEnum.A, period.NumberPhases);
        return new SimChargingProfile(profile.Id, evseId, profile.ChargingProfilePurpose.ToString(), profile.StackLevel, watts, profile.TransactionId);
    }

    private static IdToken Token(string value, IdTokenEnum type) => new() { Value = value, Type = type };

    private static QueuedMessage Event(TransactionEventRequest request)
        => Message<TransactionEventRequest, TransactionEventResponse>("TransactionEvent", request, request.Timestamp, persistent: true);

    private static QueuedMessage Status(int evseId, ConnectorStatusEnum status, DateTimeOffset now)
        => Message<StatusNotificationRequest, StatusNotificationResponse>(
            "StatusNotification",
            new StatusNotificationRequest { Timestamp = now, ConnectorStatus = status, EvseId = evseId, ConnectorId = 1 },
            now,
            persistent: false);

    private static MeterValue MeterValue(MeterSample sample, ReadingContextEnum context, bool withPower)
    {
        var values = new List<SampledValue>
        {
            new()
            {
                Value = sample.MeterWh,
                Context = context,
                Measurand = MeasurandEnum.EnergyActiveImportRegister,
                Location = LocationEnum.Outlet,
                UnitOfMeasure = new UnitOfMeasure { Unit = "Wh" },
            },
        };
        if (withPower)
        {
            values.Add(new SampledValue
            {
                Value = sample.PowerW,
                Context = context,
                Measurand = MeasurandEnum.PowerActiveImport,
                Location = LocationEnum.Outlet,
                UnitOfMeasure = new UnitOfMeasure { Unit = "W" },
            });
        }

        if (withPower && sample.StateOfCharge is { } soc)
        {
            values.Add(new SampledValue
            {
                Value = (decimal)soc,
                Context = context,
                Measurand = MeasurandEnum.SoC,
                Location = LocationEnum.EV,
                UnitOfMeasure = new UnitOfMeasure { Unit = "Percent" },
            });
        }

        return new MeterValue { Timestamp = sample.Timestamp, SampledValue = values };
    }

    private static ConnectorStatusEnum Map(ConnectorStatus status) => status switch
    {
        ConnectorStatus.Available => ConnectorStatusEnum.Available,
        ConnectorStatus.Reserved => ConnectorStatusEnum.Reserved,
        ConnectorStatus.Unavailable => ConnectorStatusEnum.Unavailable,
        ConnectorStatus.Faulted => ConnectorStatusEnum.Faulted,
        _ => ConnectorStatusEnum.Occupied,
    };

    private static ReasonEnum Map(StopReason reason) => reason switch
    {
        StopReason.Local => ReasonEnum.Local,
        StopReason.Remote => ReasonEnum.Remote,
        StopReason.EVDisconnected => ReasonEnum.EVDisconnected,
        StopReason.DeAuthorized => ReasonEnum.DeAuthorized,
        StopReason.EmergencyStop => ReasonEnum.EmergencyStop,
        StopReason.PowerLoss => ReasonEnum.PowerLoss,
        StopReason.Reboot => ReasonEnum.Reboot,
        StopReason.HardReset or StopReason.SoftReset => ReasonEnum.ImmediateReset,
        _ => ReasonEnum.Other,
    };
}
