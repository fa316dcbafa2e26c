using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;

namespace ChargePortal.Simulator.Protocol;

/// <summary>The 2.0.1 station's device model (Get/SetVariables, base reports) and smart charging profiles.</summary>
internal partial class V201Adapter
{
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

    private static SimChargingProfile? ToProfile(int evseId, ChargingProfile profile)
    {
        if (profile.ChargingSchedule is not [var schedule, ..] || schedule.ChargingSchedulePeriod is not [var period, ..])
        {
            return null;
        }

        var watts = LimitToWatts(period.Limit, schedule.ChargingRateUnit == ChargingRateUnitEnum.A, period.NumberPhases);
        return new SimChargingProfile(profile.Id, evseId, profile.ChargingProfilePurpose.ToString(), profile.StackLevel, watts, profile.TransactionId);
    }
}
