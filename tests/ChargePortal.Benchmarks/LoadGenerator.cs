using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace ChargePortal.Benchmarks;

public sealed record RunResult(Target Target, int Stations, double Rate, int Held, long Errors, double MessagesPerSecond, double P50Ms, double P95Ms, double P99Ms, double RssMiB, double PeakRssMiB)
{
    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: held {Held}/{Stations}, errors {Errors}, {MessagesPerSecond:0} msg/s, p50 {P50Ms:0.0} ms, p95 {P95Ms:0.0} ms, p99 {P99Ms:0.0} ms, RSS {RssMiB:0} MiB (peak {PeakRssMiB:0})");
}

/// <summary>
/// N stations, each a WebSocket that boots and then sends Heartbeat / StatusNotification / MeterValues in turn
/// at R per second — one CALL outstanding at a time, as OCPP requires. Latency is send → answer.
/// </summary>
public static class LoadGenerator
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    public static async Task<RunResult> RunAsync(Target target, ServerProcess server, int stations, BenchmarkOptions options)
    {
        var clients = new Station[stations];
        long errors = 0;
        using (var gate = new SemaphoreSlim(options.ConnectConcurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, stations).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    clients[i] = await Station.ConnectAsync(server.OcppUri, $"BENCH-{i:D5}");
                }
                catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var connected = clients.Where(c => c is not null).ToArray();
        using var stop = new CancellationTokenSource();
        var measuring = new StrongBox();
        var loops = connected.Select((c, i) => c.RunAsync(options.Rate, i, measuring, stop.Token)).ToArray();
        await Task.Delay(options.Warmup);
        measuring.On = true;
        var clock = Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        measuring.On = false;
        var elapsed = clock.Elapsed.TotalSeconds;
        var memory = server.Memory();
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        var latencies = connected.SelectMany(c => c.Latencies).Order().ToArray();
        var held = connected.Count(c => c.IsOpen);
        errors += connected.Sum(c => c.Errors);
        await Task.WhenAll(connected.Select(c => c.CloseAsync()));
        return new RunResult(target, stations, options.Rate, held, errors, latencies.Length / elapsed,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), memory.RssMiB, memory.PeakMiB);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Whether samples count (after warm-up, before the end).</summary>
    public sealed class StrongBox
    {
        private volatile bool _on;

        public bool On
        {
            get => _on;
            set => _on = value;
        }
    }

    private sealed class Station(ClientWebSocket socket)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _next;

        public List<double> Latencies { get; } = [];

        public long Errors { get; private set; }

        public bool IsOpen => socket.State == WebSocketState.Open;

        public static async Task<Station> ConnectAsync(Uri ocpp, string id)
        {
            var socket = new ClientWebSocket();
            socket.Options.AddSubProtocol("ocpp1.6");
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(new Uri(ocpp, id), timeout.Token);
            var station = new Station(socket);
            await station.CallAsync("BootNotification", """{"chargePointVendor":"Bench","chargePointModel":"Load"}""", CancellationToken.None);
            return station;
        }

        public async Task RunAsync(double rate, int seed, StrongBox measuring, CancellationToken ct)
        {
            var interval = TimeSpan.FromSeconds(1 / rate);
            try
            {
                // Spread the stations evenly over the interval rather than sending in lockstep.
                await Task.Delay(TimeSpan.FromTicks(interval.Ticks * (seed % 1000) / 1000), ct);
                var next = Stopwatch.GetTimestamp();
                while (!ct.IsCancellationRequested && IsOpen)
                {
                    var (action, payload) = (_next % 3) switch
                    {
                        0 => ("Heartbeat", "{}"),
                        1 => ("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}"""),
                        _ => ("MeterValues", $$"""{"connectorId":1,"meterValue":[{"timestamp":"{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}","sampledValue":[{"value":"{{_next * 10}}","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}"""),
                    };
                    var started = Stopwatch.GetTimestamp();
                    var ok = await CallAsync(action, payload, ct);
                    if (measuring.On)
                    {
                        if (ok)
                        {
                            Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }
                        else
                        {
                            Errors++;
                        }
                    }

                    next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, ct);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Run over.
            }
        }

        public async Task CloseAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Gone already.
            }

            socket.Dispose();
        }

        private async Task<bool> CallAsync(string action, string payload, CancellationToken ct)
        {
            var id = (++_next).ToString(CultureInfo.InvariantCulture);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(AnswerTimeout);
                await socket.SendAsync(Encoding.UTF8.GetBytes($"[2,\"{id}\",\"{action}\",{payload}]"), WebSocketMessageType.Text, true, timeout.Token);
                var received = 0;
                while (true)
                {
                    var result = await socket.ReceiveAsync(_buffer.AsMemory(received), timeout.Token);
                    received += result.Count;
                    if (result.EndOfMessage)
                    {
                        break;
                    }
                }

                // A CALLRESULT for our id: [3,"id",...
                return received > 4 && _buffer[1] == (byte)'3';
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                return false;
            }
        }
    }
}
