using System.Diagnostics;
using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Ocpp.Connections;

namespace ChargePortal.Web.Telemetry;

/// <summary>
/// Times every CSMS→station call (whichever node holds the station) and counts its outcome: the station's
/// <c>status</c> when it answered with one (accepted, rejected…), else answered, or offline, timeout, call_error.
/// </summary>
public sealed class MeasuredStationCallRouter(IStationCallRouter inner, OcppMetrics metrics) : IStationCallRouter
{
    /// <summary>The router being measured: the single-node one, or the cluster's.</summary>
    public IStationCallRouter Inner => inner;

    public Task<OcppVersion?> FindAsync(string stationId, CancellationToken ct) => inner.FindAsync(stationId, ct);

    public async Task<JsonElement> CallAsync(string stationId, string action, JsonElement payload, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var answer = await inner.CallAsync(stationId, action, payload, ct);
            outcome = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                ? status.GetString()!.ToLowerInvariant()
                : "answered";
            return answer;
        }
        catch (Exception e)
        {
            outcome = e switch
            {
                StationOfflineException or OcppConnectionClosedException => "offline",
                OcppCallTimeoutException => "timeout",
                OcppCallErrorException => "call_error",
                OperationCanceledException => "cancelled",
                _ => "failed",
            };
            throw;
        }
        finally
        {
            metrics.Command(action, outcome, Stopwatch.GetElapsedTime(started));
        }
    }
}
