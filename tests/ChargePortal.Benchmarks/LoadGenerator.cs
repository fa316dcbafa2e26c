using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;

namespace ChargePortal.Benchmarks;

public sealed record RunResult(
    Target Target,
    int Nodes,
    int Stations,
    double Rate,
    int Held,
    long Errors,
    double MessagesPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    IReadOnlyList<NodeMemory> Memory,
    CommandResults? Commands)
{
    public string ToLine()
    {
        var memory = string.Join(", ", Memory.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Node} {m.RssMiB:0} MiB (peak {m.PeakMiB:0})")));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Target} ({Nodes} node{(Nodes == 1 ? "" : "s")}): held {Held}/{Stations}, errors {Errors}, {MessagesPerSecond:0} msg/s, p50 {P50Ms:0.0} ms, p95 {P95Ms:0.0} ms, p99 {P99Ms:0.0} ms, RSS {memory}");
        return Commands is null ? line : line + Environment.NewLine + "  " + Commands.ToLine();
    }
}

/// <summary>
/// N stations, each a WebSocket that boots and then sends Heartbeat / StatusNotification / MeterValues in turn
/// at R per second — one CALL outstanding at a time, as OCPP requires. Latency is send → answer, for the calls sent
/// and answered within the measured window (after the warm-up, which absorbs the boot storm). The stations also
/// answer the CSMS's own CALLs, so commands can be measured under this load. With several nodes, station i connects
/// to node i mod N.
/// </summary>
public static class LoadGenerator
{
    public static async Task<RunResult> RunAsync(Deployment deployment, int stations, BenchmarkOptions options)
    {
        var nodes = deployment.Nodes;
        var clients = new LoadStation[stations];
        long errors = 0;
        using (var gate = new SemaphoreSlim(options.ConnectConcurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, stations).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    clients[i] = await LoadStation.ConnectAsync(nodes[i % nodes.Count].OcppUri, $"BENCH-{i:D5}", i % nodes.Count);
                }
                catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException or InvalidOperationException)
                {
                    // The first few reasons are enough to see what is wrong without flooding the output.
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.Error.WriteLine($"BENCH-{i:D5} could not connect: {ex.Message}");
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var connected = clients.Where(c => c is not null).ToArray();
        // Room for every sample up front: growing ten thousand lists while measuring is allocation the generator avoids.
        var expected = (int)Math.Ceiling(options.Rate * (options.Duration.TotalSeconds + 1)) + 8;
        foreach (var station in connected)
        {
            station.Latencies.Capacity = expected;
        }

        using var stop = new CancellationTokenSource();
        var measuring = new MeasuringFlag();
        var pacing = new Pacer(connected, options.Rate).RunAsync(measuring, stop.Token);

        // From the start of the warm-up: the collection that opens the region pauses the generator once, unmeasured.
        var quiet = LoadGeneratorRuntime.PauseCollections();
        var commandCount = options.CommandsFor(nodes.Count);
        using var probe = deployment.ApiKey is not null && commandCount > 0 ? new CommandProbe(deployment, connected) : null;
        var warmingUp = probe?.WarmUpAsync() ?? Task.CompletedTask;
        await Task.Delay(options.Warmup);
        await warmingUp;

        measuring.On = true;
        var clock = Stopwatch.StartNew();
        var commands = probe?.MeasureAsync(commandCount, options.Duration);
        await Task.Delay(options.Duration);
        measuring.On = false;
        quiet.Dispose();
        var elapsed = clock.Elapsed.TotalSeconds;
        var memory = deployment.Memory();
        var commandResults = commands is null ? null : await commands;
        await stop.CancelAsync();
        await pacing;

        var latencies = connected.SelectMany(c => c.Latencies).Order().ToArray();
        var held = connected.Count(c => c.IsOpen);
        errors += connected.Sum(c => c.Errors);
        await Task.WhenAll(connected.Select(c => c.DisposeAsync().AsTask()));
        return new RunResult(deployment.Target, nodes.Count, stations, options.Rate, held, errors, latencies.Length / elapsed,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), memory, commandResults);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>Whether samples count (after warm-up, before the end).</summary>
public sealed class MeasuringFlag
{
    private volatile bool _on;

    public bool On
    {
        get => _on;
        set => _on = value;
    }
}
