using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChargePortal.Ocpp;

namespace ChargePortal.Web.Telemetry;

/// <summary>
/// ChargePortal's own OCPP instruments, on the <see cref="MeterName"/> meter (exported on /metrics, see MetricsSetup).
/// Counting is a few nanoseconds per frame and allocates nothing when no exporter listens.
/// </summary>
public sealed class OcppMetrics
{
    public const string MeterName = "ChargePortal.Ocpp";

    private readonly Counter<long> _messages;
    private readonly Histogram<double> _handling;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _queueDropped;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Func<long>> _queues = new(StringComparer.Ordinal);
    private Func<IEnumerable<(string Version, long Count)>> _connected = () => [];

    public OcppMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _messages = meter.CreateCounter<long>("chargeportal.ocpp.messages", "{message}",
            "OCPP frames received from (direction=in) and sent to (direction=out) stations, by action and message type");
        _handling = meter.CreateHistogram<double>("chargeportal.ocpp.handling.duration", "s",
            "Time from a station's CALL arriving to the CSMS's answer being ready, by action",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _commandDuration = meter.CreateHistogram<double>("chargeportal.ocpp.command.duration", "s",
            "Time from a CSMS→station command being sent to its outcome, by command and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _commands = meter.CreateCounter<long>("chargeportal.ocpp.commands", "{command}", "CSMS→station commands by command and outcome");
        _queueDropped = meter.CreateCounter<long>("chargeportal.queue.dropped", "{item}", "Items a full background queue dropped (oldest first), by queue");
        meter.CreateObservableGauge("chargeportal.ocpp.stations.connected", ObserveConnected, "{station}", "Stations connected to this node, by OCPP version");
        meter.CreateObservableGauge("chargeportal.queue.depth", ObserveQueues, "{item}", "Items waiting in a background queue, by queue");
    }

    /// <summary>One frame in or out (every frame passes the message log, which calls this).</summary>
    public void Message(bool incoming, int messageType, string? action) =>
        _messages.Add(1, new TagList
        {
            { "direction", incoming ? "in" : "out" },
            { "action", action ?? "(none)" },
            { "type", messageType switch { 2 => "call", 3 => "result", 4 => "error", _ => "unparsed" } },
        });

    public void Handled(OcppVersion version, string action, TimeSpan elapsed, bool failed) =>
        _handling.Record(elapsed.TotalSeconds, new TagList
        {
            { "action", action },
            { "ocpp_version", version.DisplayName() },
            { "outcome", failed ? "error" : "ok" },
        });

    /// <summary>A command's outcome: accepted/rejected/… as the station answered, or offline, timeout, call_error, invalid.</summary>
    public void Command(string command, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "command", command }, { "outcome", outcome } };
        _commands.Add(1, tags);
        _commandDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dropped(string queue, long count = 1) => _queueDropped.Add(count, new KeyValuePair<string, object?>("queue", queue));

    /// <summary>Registers a background queue whose depth is read at each collection.</summary>
    public void ObserveQueue(string queue, Func<long> depth)
    {
        lock (_lock)
        {
            _queues[queue] = depth;
        }
    }

    public void ObserveConnectedStations(Func<IEnumerable<(string Version, long Count)>> connected) => _connected = connected;

    private IEnumerable<Measurement<long>> ObserveConnected() =>
        [.. _connected().Select(c => new Measurement<long>(c.Count, new KeyValuePair<string, object?>("ocpp_version", c.Version)))];

    private IEnumerable<Measurement<long>> ObserveQueues()
    {
        lock (_lock)
        {
            return [.. _queues.Select(q => new Measurement<long>(q.Value(), new KeyValuePair<string, object?>("queue", q.Key)))];
        }
    }
}
