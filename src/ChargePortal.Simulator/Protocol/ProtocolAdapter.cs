using ChargePortal.Ocpp.Rpc;

namespace ChargePortal.Simulator.Protocol;

internal sealed record BootResult(string Status, int IntervalSeconds);

/// <summary>
/// The version-specific half of a simulated station: builds its messages and answers the CSMS's calls by mapping them onto the
/// station's version-neutral operations. One subclass per OCPP version.
/// </summary>
internal abstract class ProtocolAdapter(SimulatedChargePoint station)
{
    protected SimulatedChargePoint Station { get; } = station;

    public abstract Task<BootResult> BootAsync(OcppRpcPeer peer, BootReason reason, CancellationToken ct);

    public abstract Task HeartbeatAsync(OcppRpcPeer peer, CancellationToken ct);

    public abstract Task<bool> AuthorizeAsync(OcppRpcPeer peer, string idTag, CancellationToken ct);

    /// <summary>The status of every connector (1.6: connector 0 too), as sent after boot and reconnect.</summary>
    public abstract IEnumerable<QueuedMessage> AllStatuses(DateTimeOffset now);

    /// <summary>The StatusNotification for a change, or null when the version does not report it (2.0.1 Preparing → Charging stays Occupied).</summary>
    public abstract QueuedMessage? StatusChanged(int connectorId, ConnectorStatus old, ConnectorStatus status, DateTimeOffset now);

    public abstract QueuedMessage StartTransaction(SimTransaction tx, DateTimeOffset now);

    public abstract QueuedMessage MeterValues(SimTransaction tx, MeterSample sample, bool triggered);

    /// <summary>
    /// A session the cable started got its card (2.0.1: TransactionEvent Updated, Authorized, with the idToken); null
    /// where the version starts transactions only once authorised (1.6).
    /// </summary>
    public virtual QueuedMessage? Authorized(SimTransaction tx, MeterSample sample) => null;

    public abstract QueuedMessage StopTransaction(SimTransaction tx, StopReason reason, DateTimeOffset now, int meterStopWh);

    public abstract ValueTask<OcppCallOutcome> HandleAsync(OcppIncomingCall call, CancellationToken ct);

    protected abstract QueuedMessage FirmwareStatusMessage(string status, int? requestId);

    protected abstract QueuedMessage DiagnosticsStatusMessage(string status, int? requestId);

    protected static QueuedMessage Message<TRequest, TResponse>(string action, TRequest request, DateTimeOffset at, bool persistent)
        => new(action, at, persistent, async (peer, ct) => await peer.CallAsync<TRequest, TResponse>(action, request, ct));

    /// <summary>After the answer: Downloading → Downloaded → Installing → Installed, one status step apart.</summary>
    protected void RunFirmwareUpdate(OcppIncomingCall call, string location, DateTimeOffset retrieveAt, int? requestId)
    {
        Station.AfterReply(call, async ct =>
        {
            var wait = retrieveAt - Station.Time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, Station.Time, ct);
            }

            string[] steps = ["Downloading", "Downloaded", "Installing", "Installed"];
            foreach (var status in steps)
            {
                Station.SetFirmwareStatus(status, status == "Installed" ? VersionFrom(location) : null);
                Station.Enqueue(FirmwareStatusMessage(status, requestId));
                if (status != "Installed")
                {
                    await Task.Delay(Station.Scaled(Station.Options.StatusStepDelay), Station.Time, ct);
                }
            }
        });
    }

    /// <summary>After the answer: Uploading, the HTTP upload, then Uploaded or UploadFailed. Returns the file name.</summary>
    protected string RunDiagnosticsUpload(OcppIncomingCall call, string location, int? requestId)
    {
        var fileName = $"{Station.Id}-diagnostics-{Station.Time.GetUtcNow():yyyyMMddHHmmss}.txt";
        Station.AfterReply(call, async ct =>
        {
            Station.SetDiagnosticsStatus("Uploading");
            Station.Enqueue(DiagnosticsStatusMessage("Uploading", requestId));
            var uploaded = await Station.UploadDiagnosticsAsync(location, fileName, ct);
            var status = uploaded ? "Uploaded" : "UploadFailed";
            Station.SetDiagnosticsStatus(status);
            Station.Enqueue(DiagnosticsStatusMessage(status, requestId));
        });
        return fileName;
    }

    protected static double LimitToWatts(decimal limit, bool amps, int? numberPhases)
        => amps ? (double)limit * SimulatedChargePoint.Volts * (numberPhases ?? SimulatedChargePoint.Phases) : (double)limit;

    protected static decimal WattsTo(double watts, bool amps)
        => Math.Round((decimal)(amps ? watts / (SimulatedChargePoint.Volts * SimulatedChargePoint.Phases) : watts), 1);

    private static string? VersionFrom(string location)
    {
        var name = Uri.TryCreate(location, UriKind.Absolute, out var uri) ? Path.GetFileNameWithoutExtension(uri.AbsolutePath) : null;
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
