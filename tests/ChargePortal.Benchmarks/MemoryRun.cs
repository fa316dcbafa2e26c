using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace ChargePortal.Benchmarks;

public sealed record MemoryResult(Target Target, int Stations, int Held, double EmptyRssMiB, double RssMiB, double? EmptyHeapMiB, double? HeapMiB)
{
    public double RssKiBPerStation => (RssMiB - EmptyRssMiB) * 1024 / Math.Max(1, Held);

    public double? HeapKiBPerStation => HeapMiB - EmptyHeapMiB is { } grown ? grown * 1024 / Math.Max(1, Held) : null;

    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: held {Held}/{Stations}, RSS {EmptyRssMiB:0} → {RssMiB:0} MiB ({RssKiBPerStation:0.0} KiB per station), GC heap {EmptyHeapMiB:0.0} → {HeapMiB:0.0} MiB ({HeapKiBPerStation:0.0} KiB per station)");
}

/// <summary>
/// What an idle connected station costs: the server's RSS and GC heap (after its last collection) once it has settled
/// empty, then with N stations connected and booted and sending nothing (pings off), settled again; the difference per
/// station. The GC heap comes from the host's /metrics (the runtime's own meter) and the baseline's /gc-heap.
/// </summary>
public static class MemoryRun
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public static async Task<MemoryResult> RunAsync(Deployment deployment, int count, BenchmarkOptions options)
    {
        var node = deployment.Nodes[0];
        await Task.Delay(Settle);
        var emptyRss = node.Memory().RssMiB;
        var emptyHeap = await GcHeapMiBAsync(deployment);

        var stations = new LoadStation?[count];
        using (var gate = new SemaphoreSlim(options.ConnectConcurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    stations[i] = await LoadStation.ConnectAsync(node.OcppUri, $"MEM-{i:D5}", 0);
                }
                catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException or InvalidOperationException)
                {
                    // Counted as not held.
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.Delay(Settle);
        var connected = stations.OfType<LoadStation>().ToArray();
        var result = new MemoryResult(deployment.Target, count, connected.Count(s => s.IsOpen), emptyRss, node.Memory().RssMiB,
            emptyHeap, await GcHeapMiBAsync(deployment));
        await Task.WhenAll(connected.Select(s => s.DisposeAsync().AsTask()));
        return result;
    }

    public static string Markdown(IReadOnlyList<MemoryResult> results, BenchDatabase database)
    {
        var text = new StringBuilder();
        text.AppendLine("| Stations | Server | Held | RSS empty → connected MiB | RSS per station KiB | GC heap empty → connected MiB | GC heap per station KiB |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Stations} | {Report.ServerName(r.Target, database)} | {r.Held} | {r.EmptyRssMiB:0} → {r.RssMiB:0} | {r.RssKiBPerStation:0.0} | {r.EmptyHeapMiB:0.0} → {r.HeapMiB:0.0} | {r.HeapKiBPerStation:0.0} |"));
        }

        return text.ToString();
    }

    private static async Task<double?> GcHeapMiBAsync(Deployment deployment)
    {
        using var http = new HttpClient { BaseAddress = deployment.Nodes[0].BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            if (deployment.Target == Target.Baseline)
            {
                return double.Parse(await http.GetStringAsync(new Uri("gc-heap", UriKind.Relative)), CultureInfo.InvariantCulture) / (1024 * 1024);
            }

            // Prometheus text: one line per generation, e.g. dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation="gen0"} 123
            var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            var bytes = metrics.Split('\n').Where(l => l.StartsWith("dotnet_gc_last_collection_heap_size_bytes", StringComparison.Ordinal))
                .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            return bytes > 0 ? bytes / (1024 * 1024) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or FormatException)
        {
            Console.Error.WriteLine($"GC heap not available: {ex.Message}");
            return null;
        }
    }
}
