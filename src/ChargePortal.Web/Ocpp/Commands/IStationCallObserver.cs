using System.Text.Json;
using ChargePortal.Ocpp;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>A typed operation about to go out: the station's version and the ids the host allocated for the call.</summary>
public sealed record OutgoingOperation(string StationId, OcppVersion Version, StationCommandArguments Operation, StationCommandContext Context);

/// <summary>
/// A feature's reaction to what the CSMS sends a station and what the station answers, so the command service knows
/// no feature: each feature registers its observers in its own <c>AddXxx</c>
/// (<c>services.AddSingleton&lt;IStationCallObserver&gt;(…)</c>) and picks out the operations or actions it cares about.
/// An observer runs on the caller's path, before the caller sees the answer, so what it records is in place by then.
/// </summary>
public interface IStationCallObserver
{
    /// <summary>Before a typed operation is sent (a quick station may act on it before it answers).</summary>
    Task OnSendingAsync(OutgoingOperation operation, CancellationToken ct) => Task.CompletedTask;

    /// <summary>After the station answered a call, typed or raw (a CALLERROR, a timeout or no connection is no answer).</summary>
    Task OnAnsweredAsync(string stationId, OcppOutgoingCall call, JsonElement response, CancellationToken ct) => Task.CompletedTask;
}
