using System.Globalization;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V16;

namespace ChargePortal.Simulator.Protocol;

/// <summary>The 1.6 station's configuration keys, smart charging profiles and triggered messages.</summary>
internal partial class V16Adapter
{
    private OcppCallOutcome ChangeConfiguration(OcppIncomingCall call, ChangeConfigurationRequest request)
    {
        var status = Station.Configuration.TrySet(request.Key, request.Value) switch
        {
            ConfigurationChangeResult.Accepted => ConfigurationStatus.Accepted,
            ConfigurationChangeResult.Rejected => ConfigurationStatus.Rejected,
            _ => ConfigurationStatus.NotSupported,
        };
        return call.Respond(new ChangeConfigurationResponse { Status = status });
    }

    private OcppCallOutcome GetConfiguration(OcppIncomingCall call, GetConfigurationRequest request)
    {
        var all = Station.Configuration.Entries;
        if (request.Key is not { Count: > 0 } keys)
        {
            return call.Respond(new GetConfigurationResponse { ConfigurationKey = [.. all.Select(ToKeyValue)] });
        }

        var known = new List<KeyValue>();
        var unknown = new List<string>();
        foreach (var key in keys)
        {
            if (Station.Configuration.TryGet(key, out var entry))
            {
                known.Add(ToKeyValue(entry));
            }
            else
            {
                unknown.Add(key);
            }
        }

        return call.Respond(new GetConfigurationResponse { ConfigurationKey = known, UnknownKey = unknown.Count > 0 ? unknown : null });
    }

    private OcppCallOutcome Trigger(OcppIncomingCall call, TriggerMessageRequest request)
    {
        if (request.ConnectorId is { } connectorId && connectorId != 0 && !Station.IsKnownConnector(connectorId))
        {
            return call.Respond(new TriggerMessageResponse { Status = TriggerMessageStatus.Rejected });
        }

        var connectors = request.ConnectorId is { } only && only != 0
            ? [Station.Connector(only)]
            : Station.AllConnectors;
        Station.AfterReply(call, async ct =>
        {
            var now = Station.Time.GetUtcNow();
            switch (request.RequestedMessage)
            {
                case MessageTrigger.BootNotification:
                    Station.Enqueue(new QueuedMessage("BootNotification", now, false, (peer, c) => BootAsync(peer, BootReason.Triggered, c)));
                    break;
                case MessageTrigger.Heartbeat:
                    Station.Enqueue(new QueuedMessage("Heartbeat", now, false, HeartbeatAsync));
                    break;
                case MessageTrigger.StatusNotification:
                    if (request.ConnectorId is null or 0)
                    {
                        foreach (var message in AllStatuses(now))
                        {
                            Station.Enqueue(message);
                        }
                    }
                    else
                    {
                        Station.Enqueue(Status(request.ConnectorId.Value, Map(Station.GetConnector(request.ConnectorId.Value).Status), now));
                    }

                    break;
                case MessageTrigger.MeterValues:
                    foreach (var connector in connectors)
                    {
                        if (connector.Transaction is { } tx)
                        {
                            Station.SampleAndEnqueue(connector, tx, triggered: true);
                        }
                        else
                        {
                            var sample = Station.CurrentSample(connector);
                            Station.Enqueue(Message<MeterValuesRequest, MeterValuesResponse>(
                                "MeterValues",
                                new MeterValuesRequest { ConnectorId = connector.Id, MeterValue = [MeterValue(sample, ReadingContext.Trigger, withPower: false)] },
                                now,
                                persistent: false));
                        }
                    }

                    break;
                case MessageTrigger.FirmwareStatusNotification:
                    Station.Enqueue(FirmwareStatusMessage(Station.FirmwareStatus, null));
                    break;
                case MessageTrigger.DiagnosticsStatusNotification:
                    Station.Enqueue(DiagnosticsStatusMessage(Station.DiagnosticsStatus, null));
                    break;
            }

            await Task.CompletedTask;
        });
        return call.Respond(new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted });
    }

    private OcppCallOutcome SetChargingProfile(OcppIncomingCall call, SetChargingProfileRequest request)
    {
        var profile = request.CsChargingProfiles;
        if (request.ConnectorId != 0 && !Station.IsKnownConnector(request.ConnectorId))
        {
            return call.Respond(new SetChargingProfileResponse { Status = ChargingProfileStatus.Rejected });
        }

        if (profile.ChargingProfilePurpose == ChargingProfilePurpose.TxProfile
            && (request.ConnectorId == 0 || Station.GetConnector(request.ConnectorId).Transaction is null))
        {
            // 1.6: a TxProfile needs a running transaction on that connector.
            return call.Respond(new SetChargingProfileResponse { Status = ChargingProfileStatus.Rejected });
        }

        if (profile.ChargingSchedule.ChargingSchedulePeriod.Count == 0)
        {
            return call.Respond(new SetChargingProfileResponse { Status = ChargingProfileStatus.Rejected });
        }

        Station.SetChargingProfile(ToProfile(request.ConnectorId, profile));
        return call.Respond(new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted });
    }

    private OcppCallOutcome ClearChargingProfile(OcppIncomingCall call, ClearChargingProfileRequest request)
    {
        var cleared = Station.ClearChargingProfiles(request.Id, request.ConnectorId, request.ChargingProfilePurpose?.ToString(), request.StackLevel);
        return call.Respond(new ClearChargingProfileResponse { Status = cleared ? ClearChargingProfileStatus.Accepted : ClearChargingProfileStatus.Unknown });
    }

    private OcppCallOutcome GetCompositeSchedule(OcppIncomingCall call, GetCompositeScheduleRequest request)
    {
        if (request.ConnectorId != 0 && !Station.IsKnownConnector(request.ConnectorId))
        {
            return call.Respond(new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Rejected });
        }

        var amps = request.ChargingRateUnit == ChargingRateUnit.A;
        var maxW = request.ConnectorId == 0
            ? Station.AllConnectors.Sum(c => c.Options.MaxPowerW)
            : Station.Connector(request.ConnectorId).Options.MaxPowerW;
        var limitW = Math.Min(maxW, Station.PowerLimitW(request.ConnectorId) ?? double.MaxValue);
        var now = Station.Time.GetUtcNow();
        return call.Respond(new GetCompositeScheduleResponse
        {
            Status = GetCompositeScheduleStatus.Accepted,
            ConnectorId = request.ConnectorId,
            ScheduleStart = now,
            ChargingSchedule = new ChargingSchedule
            {
                Duration = request.Duration,
                StartSchedule = now,
                ChargingRateUnit = amps ? ChargingRateUnit.A : ChargingRateUnit.W,
                ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = WattsTo(limitW, amps), NumberPhases = amps ? SimulatedChargePoint.Phases : null }],
            },
        });
    }

    private static SimChargingProfile ToProfile(int connectorId, ChargingProfile profile)
    {
        var period = profile.ChargingSchedule.ChargingSchedulePeriod[0];
        var watts = LimitToWatts(period.Limit, profile.ChargingSchedule.ChargingRateUnit == ChargingRateUnit.A, period.NumberPhases);
        return new SimChargingProfile(
            profile.ChargingProfileId,
            connectorId,
            profile.ChargingProfilePurpose.ToString(),
            profile.StackLevel,
            watts,
            profile.TransactionId?.ToString(CultureInfo.InvariantCulture));
    }

    private static KeyValue ToKeyValue(ConfigurationEntry entry) => new() { Key = entry.Key, Readonly = entry.ReadOnly, Value = entry.Value };
}
