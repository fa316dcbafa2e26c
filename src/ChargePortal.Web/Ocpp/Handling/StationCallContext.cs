using System.Diagnostics;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.StationSecurity;
using ChargePortal.Web.StationEvents;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Telemetry;
using ChargePortal.Web.Stations.Provisioning;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Transactions;
using ChargePortal.Web.LoadManagement;

namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>The domain services a station's messages are handed to, shared by both version adapters.</summary>
public sealed record StationServices(
    StationLifecycle Lifecycle,
    TokenAuthorizer Tokens,
    TransactionRecorder Transactions,
    TransactionEventApplier TransactionEvents,
    AbandonedSessions Abandoned,
    LostSessions LostSessions,
    RemoteStarts RemoteStarts,
    MeterValueSink MeterValues,
    IReservationGuard Reservations,
    LateTokenHolds Holds,
    LiveCost Costs,
    ChargingNeedsPolicy ChargingNeeds,
    TimeProvider Time,
    DeviceModelStore DeviceModel,
    BaseReportOnBoot BaseReports,
    SecurityEventLog SecurityEvents,
    RegistrationGate Registration,
    StationEventLog Events,
    StationSecurity.Certificates.StationCertificateSigning CertificateSigning,
    QueuedTransactionMessages QueuedTransactionMessages,
    PlugAndCharge.PlugAndChargeServices PlugAndCharge,
    ExternalChargingLimits ChargingLimits,
    IFirmwarePublicationLog FirmwarePublications);

/// <summary>Answers one station's CALLs by handing them to the adapter of its OCPP version.</summary>
public sealed class CsmsCallHandler(string stationId, OcppVersion version, StationServices services, ILogger logger, OcppMetrics? metrics = null) : IOcppCallHandler
{
    public async ValueTask<OcppCallOutcome> HandleCallAsync(OcppIncomingCall call, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
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
            failed = true;
            logger.LogError(ex, "{Action} from {StationId} failed", call.Action, stationId);
            throw;
        }
        finally
        {
            metrics?.Handled(version, call.Action, Stopwatch.GetElapsedTime(started), failed);
        }
    }
}
