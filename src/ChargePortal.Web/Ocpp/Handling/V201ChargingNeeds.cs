using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.LoadManagement;

namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>
/// ISO 15118 smart charging (K15): charging needs are Accepted only when a TxProfile will follow (the site load
/// balancer sends it), else Rejected; the EV's own schedule is Accepted only when it stays within the CSMS's.
/// </summary>
internal static class V201ChargingNeeds
{
    public static async ValueTask<OcppCallOutcome> NeedsAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<NotifyEVChargingNeedsRequest>();
        var accepted = await s.ChargingNeeds.ManagedLimitAsync(stationId, request.EvseId, ct) is not null;
        s.Lifecycle.Notify(stationId, ChargingNeedsPolicy.NotificationKind, accepted ? ChargingNeedsPolicy.AcceptedStatus : "rejected");
        return call.Respond(new NotifyEVChargingNeedsResponse
        {
            Status = accepted ? NotifyEVChargingNeedsStatusEnum.Accepted : NotifyEVChargingNeedsStatusEnum.Rejected,
            StatusInfo = accepted ? null : new StatusInfo { ReasonCode = "NoSchedule", AdditionalInfo = "This EVSE's session is not load-managed; no charging schedule will follow." },
        });
    }

    public static async ValueTask<OcppCallOutcome> ScheduleAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<NotifyEVChargingScheduleRequest>();
        var schedule = request.ChargingSchedule;
        var limit = await s.ChargingNeeds.ManagedLimitAsync(stationId, request.EvseId, ct);
        var within = limit is { } limitW && ChargingNeedsPolicy.IsWithin(
            schedule.ChargingSchedulePeriod.Select(p => (p.Limit, schedule.ChargingRateUnit == ChargingRateUnitEnum.A, p.NumberPhases)), limitW);
        s.Lifecycle.Notify(stationId, "ChargingSchedule", within ? "accepted" : "rejected");
        return call.Respond(new NotifyEVChargingScheduleResponse
        {
            Status = within ? GenericStatusEnum.Accepted : GenericStatusEnum.Rejected,
            StatusInfo = within ? null : new StatusInfo { ReasonCode = "OutOfLimits", AdditionalInfo = "The EV's schedule is not within a schedule this CSMS gave." },
        });
    }
}
