using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;

namespace ChargePortal.Simulator.Protocol;

/// <summary>OCPP 2.0.1: each simulated connector is an EVSE (id = connector number) with one connector (id 1); the station names transactions.</summary>
internal sealed partial class V201Adapter(SimulatedChargePoint station) : ProtocolAdapter(station)
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
