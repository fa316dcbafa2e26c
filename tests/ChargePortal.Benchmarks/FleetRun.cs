using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace ChargePortal.Benchmarks;

/// <summary>The realistic mix of a fleet run (<c>--fleet</c>).</summary>
/// <param name="ChargingShare">Share of the stations that start a transaction and send meter values (0-1).</param>
/// <param name="Heartbeat">Every station's heartbeat interval.</param>
/// <param name="MeterInterval">A charging station's meter-value interval.</param>
/// <param name="RampPerSecond">Stations starting their connection per second (a bounded ramp, not a storm).</param>
public sealed record FleetMix(double ChargingShare, TimeSpan Heartbeat, TimeSpan MeterInterval, int RampPerSecond)
{
    public static readonly FleetMix Default = new(0.7, TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(15), 400);

    /// <summary>The fleet's average messages per station per second.</summary>
    public double MessagesPerStationPerSecond => (1 / Heartbeat.TotalSeconds) + (ChargingShare / MeterInterval.TotalSeconds);
}

public sealed record FleetResult(
    Target Target,
    int Stations,
    int Connected,
    int Held,
    long ConnectErrors,
    double RampSeconds,
    long Sent,
    int Answered,
    long Errors,
    double MessagesPerStationPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    NodeMemory Memory,
    string Load)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: connected {Connected}/{Stations} in {RampSeconds:0} s ({ConnectErrors} failed), held {Held}, sent {Sent}, answered {Answered}, errors {Errors}, {MessagesPerStationPerSecond:0.000} msg/s per station, p50 {P50Ms:0.0} ms, p95 {P95Ms:0.0} ms, p99 {P99Ms:0.0} ms, RSS {Memory.RssMiB:0} MiB (peak {Memory.PeakMiB:0}), {Load}");
}

/// <summary>
/// A fleet as real ones behave (<c>--fleet</c>): N stations connect at a bounded rate (<see cref="FleetMix.RampPerSecond"/>,
/// at most --connect-concurrency handshakes at once), each boots, the charging share starts a transaction and reports
/// Charging, the rest report Available; every station sends a Heartbeat at its interval and a charging one MeterValues
/// at the meter interval (<see cref="FleetPacer"/>), the load building up as stations join. After the ramp and the
/// warm-up, the measured window counts the calls sent and answered in it. Each station is a <see cref="FleetSocket"/>
/// bound to its own loopback source address per 20,000 stations.
/// </summary>
public static class FleetRun
{
    private const int StationsPerSourceAddress = 20_000;

    public static async Task<FleetResult> RunAsync(Deployment deployment, int count, BenchmarkOptions options)
    {
        var mix = options.Fleet;
        var node = deployment.Nodes[0];
        var server = new IPEndPoint(IPAddress.Loopback, node.Port);
        var expected = (int)(count * mix.MessagesPerStationPerSecond * options.Duration.TotalSeconds * 1.5) + 1000;
        var stats = new FleetStats(expected);
        var pacer = new FleetPacer(stats, mix.Heartbeat, mix.MeterInterval);
        using var stop = new CancellationTokenSource();
        var pacing = pacer.RunAsync(stop.Token);

        var stations = new FleetStation[count];
        long failed = 0;
        var ramp = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.ConnectConcurrency))
        {
            var starting = new List<Task>(count);
            for (var i = 0; i < count; i++)
            {
                // The ramp: station i starts no earlier than i / rate seconds in.
                var notBefore = TimeSpan.FromSeconds((double)i / mix.RampPerSecond);
                if (notBefore > ramp.Elapsed)
                {
                    await Task.Delay(notBefore - ramp.Elapsed);
                }

                await gate.WaitAsync();
                var charging = Math.Floor((i + 1) * mix.ChargingShare) > Math.Floor(i * mix.ChargingShare);
                var station = stations[i] = new FleetStation($"FLEET-{i:D5}", charging, stats);
                var source = new IPAddress([127, 0, 0, (byte)(2 + (i / StationsPerSourceAddress))]);
                starting.Add(StartAsync(station, source));
            }

            await Task.WhenAll(starting);

            async Task StartAsync(FleetStation station, IPAddress source)
            {
                try
                {
                    await station.StartAsync(source, server, CancellationToken.None);
                    pacer.Join(station);
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref failed) <= 3)
                    {
                        Console.Error.WriteLine($"{station.Id} could not start: {ex.GetType().Name}: {ex.Message}");
                    }

                    station.Close();
                }
                finally
                {
                    gate.Release();
                }
            }
        }

        var rampSeconds = ramp.Elapsed.TotalSeconds;
        var connected = stations.Count(s => s.Ready);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {connected}/{count} stations connected in {rampSeconds:0} s; warming up {options.Warmup.TotalSeconds:0} s, then measuring {options.Duration.TotalSeconds:0} s ({LoadGeneratorRuntime.MachineLoad()})"));
        await Task.Delay(options.Warmup);

        var quiet = LoadGeneratorRuntime.PauseCollections();
        stats.Measuring = true;
        var clock = Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        stats.Measuring = false;
        var elapsed = clock.Elapsed.TotalSeconds;
        quiet.Dispose();
        var memory = node.Memory();
        var held = stations.Count(s => s.Ready && s.IsOpen);
        var load = LoadGeneratorRuntime.MachineLoad();
        await stop.CancelAsync();
        await pacing;

        var latencies = stats.SortedLatencies();
        foreach (var station in stations)
        {
            station.Close();
        }

        return new FleetResult(deployment.Target, count, connected, held, failed, rampSeconds, stats.SentCount, latencies.Length,
            stats.Errors, stats.SentCount / elapsed / Math.Max(1, held), LoadGenerator.Percentile(latencies, 0.50),
            LoadGenerator.Percentile(latencies, 0.95), LoadGenerator.Percentile(latencies, 0.99), memory, load);
    }

    public static string Markdown(IReadOnlyList<FleetResult> results, BenchDatabase database)
    {
        var text = new StringBuilder();
        text.AppendLine("| Stations | Server | Connected (ramp s) | Held | Sent | Errors | msg/s per station | p50 ms | p95 ms | p99 ms | RSS MiB (peak) | Machine load at the end |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Stations} | {Report.ServerName(r.Target, database)} | {r.Connected} ({r.RampSeconds:0}) | {r.Held} | {r.Sent} | {r.Errors + r.ConnectErrors} | {r.MessagesPerStationPerSecond:0.000} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {r.Memory.RssMiB:0} ({r.Memory.PeakMiB:0}) | {r.Load} |"));
        }

        return text.ToString();
    }
}
