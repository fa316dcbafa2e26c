using System.Globalization;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V16;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Simulator.Protocol;

/// <summary>OCPP 1.6J: connectors numbered from 1, connector 0 is the station; the CSMS assigns transaction ids.</summary>
internal sealed partial class V16Adapter(SimulatedChargePoint station) : ProtocolAdapter(station)
{
    public override async Task<BootResult> BootAsync(OcppRpcPeer peer, BootReason reason, CancellationToken ct)
    {
        var response = await peer.CallAsync<BootNotificationRequest, BootNotificationResponse>(
            "BootNotification",
            new BootNotificationRequest
            {
                ChargePointVendor = Station.Options.Vendor,
                ChargePointModel = Station.Options.Model,
                ChargePointSerialNumber = Station.Options.SerialNumber,
                FirmwareVersion = Station.FirmwareVersion,
                MeterType = "Simulated",
            },
            ct);
        return new BootResult(response.Status.ToString(), (int)response.Interval);
    }

    public override Task HeartbeatAsync(OcppRpcPeer peer, CancellationToken ct)
        => peer.CallAsync<HeartbeatRequest, HeartbeatResponse>("Heartbeat", new HeartbeatRequest(), ct);

    public override async Task<bool> AuthorizeAsync(OcppRpcPeer peer, string idTag, CancellationToken ct)
    {
        var response = await peer.CallAsync<AuthorizeRequest, AuthorizeResponse>("Authorize", new AuthorizeRequest { IdTag = idTag }, ct);
        return response.IdTagInfo.Status == AuthorizationStatus.Accepted;
    }

    public override IEnumerable<QueuedMessage> AllStatuses(DateTimeOffset now)
    {
        var connectors = Station.Connectors;
        var stationStatus = connectors.All(c => !c.Operative) ? ChargePointStatus.Unavailable : ChargePointStatus.Available;
        yield return Status(0, stationStatus, now);
        foreach (var connector in connectors)
        {
            yield return Status(connector.ConnectorId, Map(connector.Status), now);
        }
    }

    public override QueuedMessage? StatusChanged(int connectorId, ConnectorStatus old, ConnectorStatus status, DateTimeOffset now)
        => Status(connectorId, Map(status), now);

    public override QueuedMessage StartTransaction(SimTransaction tx, DateTimeOffset now)
    {
        var request = new StartTransactionRequest
        {
            ConnectorId = tx.ConnectorId,
            IdTag = tx.IdTag,
            MeterStart = (int)tx.MeterStartWh,
            ReservationId = tx.ReservationId,
            Timestamp = now,
        };
        return new QueuedMessage("StartTransaction", now, persistent: true, async (peer, ct) =>
        {
            var response = await peer.CallAsync<StartTransactionRequest, StartTransactionResponse>("StartTransaction", request, ct);
            tx.CsmsId = response.TransactionId;
            Station.Raise(ChargePointChangeKind.TransactionUpdated, tx.ConnectorId, $"The CSMS assigned transaction id {response.TransactionId}.");
            if (response.IdTagInfo.Status != AuthorizationStatus.Accepted)
            {
                Station.Logger.LogInformation("{Id}: StartTransaction answered {Status}; stopping.", Station.Id, response.IdTagInfo.Status);
                Station.RunInBackground(c => Station.StopSessionAsync(tx.ConnectorId, StopReason.DeAuthorized, c));
            }
        });
    }

    public override QueuedMessage MeterValues(SimTransaction tx, MeterSample sample, bool triggered)
    {
        var meterValue = MeterValue(sample, triggered ? ReadingContext.Trigger : ReadingContext.SamplePeriodic, withPower: true);
        return new QueuedMessage("MeterValues", sample.Timestamp, persistent: true, async (peer, ct) =>
            await peer.CallAsync<MeterValuesRequest, MeterValuesResponse>(
                "MeterValues",
                new MeterValuesRequest { ConnectorId = tx.ConnectorId, TransactionId = tx.CsmsId, MeterValue = [meterValue] },
                ct));
    }

    public override QueuedMessage StopTransaction(SimTransaction tx, StopReason reason, DateTimeOffset now, int meterStopWh)
    {
        var begin = MeterValue(new MeterSample(tx.StartedAt, (int)tx.MeterStartWh, 0, null), ReadingContext.TransactionBegin, withPower: false);
        var end = MeterValue(new MeterSample(now, meterStopWh, 0, null), ReadingContext.TransactionEnd, withPower: false);
        return new QueuedMessage("StopTransaction", now, persistent: true, async (peer, ct) =>
            await peer.CallAsync<StopTransactionRequest, StopTransactionResponse>(
                "StopTransaction",
                new StopTransactionRequest
                {
                    IdTag = tx.IdTag,
                    MeterStop = meterStopWh,
                    Timestamp = now,
                    TransactionId = tx.CsmsId ?? 0,
                    Reason = Map(reason),
                    TransactionData = [begin, end],
                },
                ct));
    }

    protected override QueuedMessage FirmwareStatusMessage(string status, int? requestId)
        => Message<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(
            "FirmwareStatusNotification",
            new FirmwareStatusNotificationRequest { Status = Enum.Parse<FirmwareStatus>(status) },
            Station.Time.GetUtcNow(),
            persistent: false);

    protected override QueuedMessage DiagnosticsStatusMessage(string status, int? requestId)
        => Message<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>(
            "DiagnosticsStatusNotification",
            new DiagnosticsStatusNotificationRequest { Status = Enum.Parse<DiagnosticsStatus>(status) },
            Station.Time.GetUtcNow(),
            persistent: false);

    public override ValueTask<OcppCallOutcome> HandleAsync(OcppIncomingCall call, CancellationToken ct)
    {
        var outcome = call.Action switch
        {
            "RemoteStartTransaction" => RemoteStart(call, call.ReadRequest<RemoteStartTransactionRequest>()),
            "RemoteStopTransaction" => RemoteStop(call, call.ReadRequest<RemoteStopTransactionRequest>()),
            "Reset" => Reset(call, call.ReadRequest<ResetRequest>()),
            "ChangeConfiguration" => ChangeConfiguration(call, call.ReadRequest<ChangeConfigurationRequest>()),
            "GetConfiguration" => GetConfiguration(call, call.ReadRequest<GetConfigurationRequest>()),
            "ChangeAvailability" => ChangeAvailability(call, call.ReadRequest<ChangeAvailabilityRequest>()),
            "UnlockConnector" => Unlock(call, call.ReadRequest<UnlockConnectorRequest>()),
            "TriggerMessage" => Trigger(call, call.ReadRequest<TriggerMessageRequest>()),
            "ReserveNow" => ReserveNow(call, call.ReadRequest<ReserveNowRequest>()),
            "CancelReservation" => call.Respond(new CancelReservationResponse
            {
                Status = Station.CancelReservation(call.ReadRequest<CancelReservationRequest>().ReservationId) ? CancelReservationStatus.Accepted : CancelReservationStatus.Rejected,
            }),
            "SetChargingProfile" => SetChargingProfile(call, call.ReadRequest<SetChargingProfileRequest>()),
            "ClearChargingProfile" => ClearChargingProfile(call, call.ReadRequest<ClearChargingProfileRequest>()),
            "GetCompositeSchedule" => GetCompositeSchedule(call, call.ReadRequest<GetCompositeScheduleRequest>()),
            "UpdateFirmware" => UpdateFirmware(call, call.ReadRequest<UpdateFirmwareRequest>()),
            "GetDiagnostics" => call.Respond(new GetDiagnosticsResponse { FileName = RunDiagnosticsUpload(call, call.ReadRequest<GetDiagnosticsRequest>().Location, null) }),
            "SendLocalList" => SendLocalList(call, call.ReadRequest<SendLocalListRequest>()),
            "GetLocalListVersion" => call.Respond(new GetLocalListVersionResponse { ListVersion = Station.LocalListVersion }),
            "ClearCache" => call.Respond(new ClearCacheResponse { Status = ClearCacheStatus.Accepted }),
            "DataTransfer" => call.Respond(new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = call.ReadRequest<DataTransferRequest>().Data }),
            _ => OcppCallOutcome.NotSupported(call.Action),
        };
        return ValueTask.FromResult(outcome);
    }

    private OcppCallOutcome RemoteStart(OcppIncomingCall call, RemoteStartTransactionRequest request)
    {
        var connectorId = request.ConnectorId ?? Station.FindConnectorFor(request.IdTag);
        if (connectorId is not { } id || !Station.CanStart(id, request.IdTag))
        {
            return call.Respond(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        var authorize = bool.TryParse(Station.Configuration.TryGet("AuthorizeRemoteTxRequests", out var entry) ? entry.Value : null, out var yes) && yes;
        Station.AfterReply(call, async ct =>
        {
            if (authorize && !await Station.AuthorizeAsync(request.IdTag, ct))
            {
                return;
            }

            if (request.ChargingProfile is { } profile)
            {
                Station.SetChargingProfile(ToProfile(id, profile));
            }

            Station.StartSession(id, request.IdTag, SessionTrigger.Remote, remoteStartId: null, localId: null);
        });
        return call.Respond(new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted });
    }

    private OcppCallOutcome RemoteStop(OcppIncomingCall call, RemoteStopTransactionRequest request)
    {
        var tx = Station.FindTransaction(request.TransactionId.ToString(CultureInfo.InvariantCulture));
        if (tx is null || tx.CsmsId != request.TransactionId)
        {
            return call.Respond(new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected });
        }

        Station.AfterReply(call, ct => Station.StopSessionAsync(tx.ConnectorId, StopReason.Remote, ct));
        return call.Respond(new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Accepted });
    }

    private OcppCallOutcome Reset(OcppIncomingCall call, ResetRequest request)
    {
        var reason = request.Type == ResetType.Hard ? StopReason.HardReset : StopReason.SoftReset;
        Station.AfterReply(call, ct => Station.RebootAsync(reason, ct));
        return call.Respond(new ResetResponse { Status = ResetStatus.Accepted });
    }

    private OcppCallOutcome ChangeAvailability(OcppIncomingCall call, ChangeAvailabilityRequest request)
    {
        var status = Station.ChangeAvailability(request.ConnectorId, request.Type == AvailabilityType.Operative);
        return call.Respond(new ChangeAvailabilityResponse { Status = Enum.Parse<AvailabilityStatus>(status) });
    }

    private OcppCallOutcome Unlock(OcppIncomingCall call, UnlockConnectorRequest request)
    {
        if (!Station.IsKnownConnector(request.ConnectorId))
        {
            return call.Respond(new UnlockConnectorResponse { Status = UnlockStatus.UnlockFailed });
        }

        // 1.6: unlocking a connector with a running session ends it (reason UnlockCommand).
        Station.AfterReply(call, ct => Station.StopSessionAsync(request.ConnectorId, StopReason.UnlockCommand, ct));
        return call.Respond(new UnlockConnectorResponse { Status = UnlockStatus.Unlocked });
    }

    private OcppCallOutcome ReserveNow(OcppIncomingCall call, ReserveNowRequest request)
    {
        var status = Station.Reserve(request.ConnectorId, request.ReservationId, request.IdTag, request.ExpiryDate);
        return call.Respond(new ReserveNowResponse { Status = Enum.Parse<ReservationStatus>(status) });
    }

    private OcppCallOutcome UpdateFirmware(OcppIncomingCall call, UpdateFirmwareRequest request)
    {
        RunFirmwareUpdate(call, request.Location, request.RetrieveDate, null);
        return call.Respond(new UpdateFirmwareResponse());
    }

    private OcppCallOutcome SendLocalList(OcppIncomingCall call, SendLocalListRequest request)
    {
        var entries = (request.LocalAuthorizationList ?? []).Select(e => (e.IdTag, e.IdTagInfo is { } info ? info.Status == AuthorizationStatus.Accepted : (bool?)null));
        var updated = Station.UpdateLocalList(request.ListVersion, request.UpdateType == UpdateType.Full, entries);
        return call.Respond(new SendLocalListResponse { Status = updated ? UpdateStatus.Accepted : UpdateStatus.VersionMismatch });
    }

    private static QueuedMessage Status(int connectorId, ChargePointStatus status, DateTimeOffset now)
        => Message<StatusNotificationRequest, StatusNotificationResponse>(
            "StatusNotification",
            new StatusNotificationRequest { ConnectorId = connectorId, ErrorCode = ChargePointErrorCode.NoError, Status = status, Timestamp = now },
            now,
            persistent: false);

    private static MeterValue MeterValue(MeterSample sample, ReadingContext context, bool withPower)
    {
        var values = new List<SampledValue>
        {
            new()
            {
                Value = sample.MeterWh.ToString(CultureInfo.InvariantCulture),
                Context = context,
                Measurand = Measurand.EnergyActiveImportRegister,
                Location = Location.Outlet,
                Unit = UnitOfMeasure.Wh,
            },
        };
        if (withPower)
        {
            values.Add(new SampledValue
            {
                Value = sample.PowerW.ToString(CultureInfo.InvariantCulture),
                Context = context,
                Measurand = Measurand.PowerActiveImport,
                Location = Location.Outlet,
                Unit = UnitOfMeasure.W,
            });
        }

        if (withPower && sample.StateOfCharge is { } soc)
        {
            values.Add(new SampledValue
            {
                Value = soc.ToString("0.#", CultureInfo.InvariantCulture),
                Context = context,
                Measurand = Measurand.SoC,
                Location = Location.EV,
                Unit = UnitOfMeasure.Percent,
            });
        }

        return new MeterValue { Timestamp = sample.Timestamp, SampledValue = values };
    }

    private static ChargePointStatus Map(ConnectorStatus status) => Enum.Parse<ChargePointStatus>(status.ToString());

    private static Reason Map(StopReason reason) => Enum.Parse<Reason>(reason.ToString());
}
