using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.StationEvents;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Stations.Provisioning;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;

namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>The domain services a station's messages are handed to, shared by both version adapters.</summary>
public sealed record StationServices(
    StationLifecycle Lifecycle,
    TokenAuthorizer Tokens,
    TransactionRecorder Transactions,
    MeterValueSink MeterValues,
    IReservationGuard Reservations,
    TimeProvider Time,
    DeviceModelStore DeviceModel,
    BaseReportOnBoot BaseReports,
    RegistrationGate Registration,
    StationEventLog Events);

/// <summary>Answers one station's CALLs by handing them to the adapter of its OCPP version.</summary>
public sealed class CsmsCallHandler(string stationId, OcppVersion version, StationServices services, ILogger logger) : IOcppCallHandler
{
    public async ValueTask<OcppCallOutcome> HandleCallAsync(OcppIncomingCall call, CancellationToken ct)
    {
        try
        {
            // B02.FR.09, B03.FR.07: a station not accepted may send only its boot and what the CSMS asked for.
            if (await services.Registration.RefuseIncomingAsync(stationId, call.Action, ct) is { } refusal)
            {
                return OcppCallOutcome.Error(OcppErrorCode.SecurityError, refusal);
            }

            return version == OcppVersion.V16
                ? await V16StationMessages.HandleAsync(stationId, call, services, ct)
                : await V201StationMessages.HandleAsync(stationId, call, services, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The peer turns this into an InternalError CALLERROR; the connection keeps serving.
            logger.LogError(ex, "{Action} from {StationId} failed", call.Action, stationId);
            throw;
        }
    }
}
