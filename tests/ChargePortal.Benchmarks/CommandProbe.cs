using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ChargePortal.Benchmarks;

public sealed record CommandStats(int Ok, int Failed, double P50Ms, double P99Ms)
{
    public static CommandStats From(List<double> latencies, int failed)
    {
        var sorted = latencies.Order().ToArray();
        return new CommandStats(sorted.Length, failed, LoadGenerator.Percentile(sorted, 0.50), LoadGenerator.Percentile(sorted, 0.99));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{P50Ms:0.0} / {P99Ms:0.0}{(Failed > 0 ? $" ({Failed} failed)" : "")}");
}

/// <summary>
/// Command latency through the HTTP API: to the node holding the station, and routed from another node through Redis
/// (null on one node).
/// </summary>
public sealed record CommandResults(CommandStats Local, CommandStats? Routed)
{
    public string Added => Routed is null ? "–" : string.Create(CultureInfo.InvariantCulture,
        $"{Routed.P50Ms - Local.P50Ms:+0.0;-0.0;0.0} / {Routed.P99Ms - Local.P99Ms:+0.0;-0.0;0.0}");

    public string RoutedText => Routed?.ToString() ?? "–";

    public string ToLine() => Routed is null
        ? $"commands p50 / p99 ms: {Local} ({Local.Ok} ok)"
        : $"commands p50 / p99 ms: holding node {Local} ({Local.Ok} ok), other node {Routed} ({Routed.Ok} ok), routing adds {Added}";
}

/// <summary>
/// Sends commands through the HTTP API while the load runs. Each pair asks one station for its configuration
/// (<c>get-configuration</c>) once through the node that holds its socket and once through the next node, which
/// forwards the call over Redis to the holder and the answer back; the two orders alternate. The difference between
/// the two latency distributions is what routing through Redis adds per command. On one node each "pair" is the one
/// command to that node.
/// </summary>
internal sealed class CommandProbe : IDisposable
{
    private const string Body = """{"keys":["HeartbeatInterval"]}""";
    private const int WarmUpPairs = 10;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient[] _nodes;
    private readonly LoadStation[] _stations;
    private readonly Random _random = new(7);
    private int _reportedFailures;

    public CommandProbe(Deployment deployment, IReadOnlyList<LoadStation> stations)
    {
        _nodes = [.. deployment.Nodes.Select(n =>
        {
            var client = new HttpClient { BaseAddress = n.BaseUri, Timeout = RequestTimeout };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", deployment.ApiKey);
            return client;
        })];
        _stations = [.. stations];
    }

    /// <summary>A few unmeasured pairs, so both paths are compiled and connected before measuring.</summary>
    public async Task WarmUpAsync()
    {
        for (var i = 0; i < WarmUpPairs; i++)
        {
            await PairAsync(i, [], [], new int[2]);
        }
    }

    /// <summary><paramref name="pairs"/> pairs spread evenly over <paramref name="window"/>; none is started after it.</summary>
    public async Task<CommandResults> MeasureAsync(int pairs, TimeSpan window)
    {
        List<double> local = [];
        List<double> routed = [];
        var failed = new int[2];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < pairs; i++)
        {
            var due = window * i / pairs;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            if (clock.Elapsed >= window)
            {
                break;
            }

            await PairAsync(i, local, routed, failed);
        }

        return new CommandResults(CommandStats.From(local, failed[0]), _nodes.Length > 1 ? CommandStats.From(routed, failed[1]) : null);
    }

    public void Dispose()
    {
        foreach (var client in _nodes)
        {
            client.Dispose();
        }
    }

    private async Task PairAsync(int index, List<double> local, List<double> routed, int[] failed)
    {
        var open = _stations.Where(s => s.IsOpen).ToArray();
        if (open.Length == 0)
        {
            failed[0]++;
            failed[1]++;
            return;
        }

        var station = open[_random.Next(open.Length)];
        var other = (station.Node + 1) % _nodes.Length;
        bool[] paths = _nodes.Length == 1 ? [false] : index % 2 == 0 ? [false, true] : [true, false];
        foreach (var routedNow in paths)
        {
            var latency = await SendAsync(routedNow ? other : station.Node, station.Id);
            if (latency is { } ms)
            {
                (routedNow ? routed : local).Add(ms);
            }
            else
            {
                failed[routedNow ? 1 : 0]++;
            }
        }
    }

    /// <returns>Milliseconds until the station's answer came back with 200, or null for any failure.</returns>
    private async Task<double?> SendAsync(int node, string stationId)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new StringContent(Body, Encoding.UTF8, "application/json");
            using var response = await _nodes[node].PostAsync(new Uri($"api/stations/{stationId}/commands/get-configuration", UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            ReportFailure($"{(int)response.StatusCode} {text}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            ReportFailure(ex.Message);
        }

        return null;
    }

    private void ReportFailure(string reason)
    {
        // The first few reasons are enough to see what is wrong without flooding the output.
        if (Interlocked.Increment(ref _reportedFailures) <= 3)
        {
            Console.Error.WriteLine("command failed: " + (reason.Length > 300 ? reason[..300] : reason));
        }
    }
}
