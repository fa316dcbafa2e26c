using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;

namespace ChargePortal.Simulator.Protocol;

/// <summary>The 2.0.1 station's answers to the CSMS's operational requests: triggers, availability, unlock, reservations, firmware, logs, local list.</summary>
internal partial class V201Adapter
{
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
}
