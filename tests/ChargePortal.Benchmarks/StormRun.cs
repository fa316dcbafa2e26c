using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace ChargePortal.Benchmarks;

public sealed record StormResult(
    Target Target,
    int Stations,
    int Booted,
    long Errors,
    Percentiles ConnectToBoot,
    Percentiles BootCall,
    double AllBootedSeconds,
    double? AllStoredSeconds,
    Percentiles Window,
    int WindowSamples,
    double StormCpuSeconds,
    IReadOnlyList<NodeMemory> Memory)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: booted {Booted}/{Stations}, errors {Errors}, connect→boot {ConnectToBoot} ms, boot call {BootCall} ms, all booted {AllBootedSeconds:0.0} s, all statuses stored {(AllStoredSeconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "–")}, server CPU until all booted {StormCpuSeconds:0.0} s ({StormCpuSeconds * 1000 / Stations:0.00} ms a station), first window {Window} ms ({WindowSamples} samples), RSS {string.Join(", ", Memory.Select(m => $"{m.RssMiB:0} MiB (peak {m.PeakMiB:0})"))}");
}

/// <summary>p50 / p95 / p99 in milliseconds.</summary>
public sealed record Percentiles(double P50, double P95, double P99)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new(LoadGenerator.Percentile(sorted, 0.50), LoadGenerator.Percentile(sorted, 0.95), LoadGenerator.Percentile(sorted, 0.99));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Format(P50)} / {Format(P95)} / {Format(P99)}");

    private static string Format(double ms) => ms >= 100 ? ms.ToString("0", CultureInfo.InvariantCulture) : ms.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// A reconnect storm, as after a deploy or a network outage. First, unmeasured, every station registers with one boot
/// and reports connector 1 Unavailable, then disconnects. Then all of them connect at the same instant, each booting and
/// reporting connector 1 Available as soon as its handshake is done, and joining the paced load (Heartbeat /
/// StatusNotification / MeterValues at --rate) right after. Measured from the storm's start, with no warm-up:
/// connect→boot (handshake, including any wait for admission, and the BootNotification answer), the boot call alone
/// (send → answer), the time until every station is booted and until the database holds every Available status, and
/// the paced load's latency over the first --duration seconds.
/// </summary>
public static class StormRun
{
    private const string Prefix = "STORM-";
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static async Task<StormResult> RunAsync(Deployment deployment, int count, BenchmarkOptions options)
    {
        var nodes = deployment.Nodes;
        if (deployment.Target == Target.ChargePortal)
        {
            await RegisterAsync(deployment, count, options);
        }

        var stations = Enumerable.Range(0, count).Select(i => LoadStation.Create($"{Prefix}{i:D5}", i % nodes.Count)).ToArray();
        var expected = (int)Math.Ceiling(options.Rate * (options.Duration.TotalSeconds + 1)) + 8;
        foreach (var station in stations)
        {
            station.Latencies.Capacity = expected;
        }

        using var stop = new CancellationTokenSource();
        var measuring = new MeasuringFlag { On = true };
        var timings = new StormTiming?[count];
        long errors = 0;
        var cpuAtStart = deployment.CpuTime();
        var start = Stopwatch.GetTimestamp();
        var pacing = new Pacer(stations, options.Rate).RunAsync(measuring, stop.Token);
        var storm = Task.WhenAll(stations.Select(async (station, i) =>
        {
            timings[i] = await BootAsync(station, nodes[station.Node].OcppUri, start);
            if (timings[i] is null && Interlocked.Increment(ref errors) <= 3)
            {
                Console.Error.WriteLine($"{station.Id} did not connect, boot and report within the timeouts");
            }
        }));
        var stormCpu = storm.ContinueWith(_ => (deployment.CpuTime() - cpuAtStart).TotalSeconds, TaskScheduler.Default);
        var stored = WaitStoredAsync(deployment, count, start, TimeSpan.FromSeconds(120));

        await Task.Delay(options.Duration);
        measuring.On = false;
        var memory = deployment.Memory();
        await storm;
        var allStored = await stored;
        await stop.CancelAsync();
        await pacing;

        var done = timings.OfType<StormTiming>().ToArray();
        var samples = stations.SelectMany(s => s.Latencies.Zip(s.Sent, (ms, sent) => (Ms: ms, sent.Message, Second: (int)Stopwatch.GetElapsedTime(start, sent.SentAt).TotalSeconds))).ToArray();
        foreach (var byMessage in samples.GroupBy(s => s.Message).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  first window, {(byMessage.Key switch { 0 => "Heartbeat", 1 => "StatusNotification", _ => "MeterValues" })}: {Percentiles.Of(byMessage.Select(s => s.Ms))} ms ({byMessage.Count()} samples)");
        }

        Console.WriteLine("  first window p99 by second sent: " + string.Join(", ", samples.GroupBy(s => s.Second).OrderBy(g => g.Key).Take(12)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}s {Percentiles.Of(g.Select(s => s.Ms)).P99:0.0}"))));
        var result = new StormResult(deployment.Target, count, done.Length, errors + stations.Sum(s => s.Errors),
            Percentiles.Of(done.Select(t => t.BootedMs)),
            Percentiles.Of(done.Select(t => t.BootedMs - t.BootSentMs)),
            done.Length == 0 ? double.NaN : done.Max(t => t.StatusAnsweredMs) / 1000,
            allStored,
            Percentiles.Of(stations.SelectMany(s => s.Latencies)),
            stations.Sum(s => s.Latencies.Count),
            await stormCpu,
            memory);
        await Task.WhenAll(stations.Select(s => s.DisposeAsync().AsTask()));
        return result;
    }

    public static string Markdown(IReadOnlyList<StormResult> results, BenchDatabase database)
    {
        var text = new StringBuilder();
        text.AppendLine("| Stations | Server | Booted | Errors | Connect→boot p50 / p95 / p99 ms | Boot call p50 / p95 / p99 ms | All booted + status answered s | All statuses in the database s | Server CPU until all booted s | First window p50 / p95 / p99 ms | RSS MiB (peak) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Stations} | {Report.ServerName(r.Target, database)} | {r.Booted} | {r.Errors} | {r.ConnectToBoot} | {r.BootCall} | {r.AllBootedSeconds:0.0} | {(r.AllStoredSeconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | {r.StormCpuSeconds:0.0} | {r.Window} | {string.Join(" + ", r.Memory.Select(m => $"{m.RssMiB:0} ({m.PeakMiB:0})"))} |"));
        }

        return text.ToString();
    }

    /// <summary>The unmeasured first boot that registers each station (an unknown station registers at its handshake).</summary>
    private static async Task RegisterAsync(Deployment deployment, int count, BenchmarkOptions options)
    {
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(options.ConnectConcurrency);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            var station = LoadStation.Create($"{Prefix}{i:D5}", i % deployment.Nodes.Count);
            try
            {
                await station.OpenAsync(deployment.Nodes[station.Node].OcppUri, HandshakeTimeout);
                if (!await station.CallOnceAsync("BootNotification", LoadStation.BootPayload, CallTimeout)
                    || !await station.CallOnceAsync("StatusNotification", Status("Unavailable"), CallTimeout))
                {
                    throw new InvalidOperationException($"{station.Id} could not register");
                }
            }
            finally
            {
                await station.DisposeAsync();
                gate.Release();
            }
        }));

        // Let every disconnect be written before the storm.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  registered {count} stations in {clock.Elapsed.TotalSeconds:0.0} s ({LoadGeneratorRuntime.MachineLoad()})"));
    }

    private static async Task<StormTiming?> BootAsync(LoadStation station, Uri ocpp, long start)
    {
        try
        {
            await station.OpenAsync(ocpp, HandshakeTimeout);
            var bootSent = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!await station.CallOnceAsync("BootNotification", LoadStation.BootPayload, CallTimeout))
            {
                return null;
            }

            var booted = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!await station.CallOnceAsync("StatusNotification", Status("Available"), CallTimeout))
            {
                return null;
            }

            var statusAnswered = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            station.StartPacing();
            return new StormTiming(bootSent, booted, statusAnswered);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Seconds from the storm's start until the database holds every station's Available status; null for the baseline.</summary>
    private static async Task<double?> WaitStoredAsync(Deployment deployment, int count, long start, TimeSpan limit)
    {
        if (deployment.Target == Target.Baseline)
        {
            return null;
        }

        while (Stopwatch.GetElapsedTime(start) < limit)
        {
            await Task.Delay(100);
            if (await deployment.CountConnectorsAsync(Prefix, "Available") >= count)
            {
                return Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
        }

        return double.NaN;
    }

    private static string Status(string status) => $$"""{"connectorId":1,"errorCode":"NoError","status":"{{status}}"}""";

    private sealed record StormTiming(double BootSentMs, double BootedMs, double StatusAnsweredMs);
}
