using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChargePortal.Benchmarks;

/// <summary>What a fleet run counts while measuring: answered calls' latencies, calls sent, errors.</summary>
internal sealed class FleetStats(int capacity)
{
    private readonly double[] _latencies = new double[capacity];
    private int _answered;
    private long _sent;
    private long _errors;
    private volatile bool _measuring;

    public bool Measuring
    {
        get => _measuring;
        set => _measuring = value;
    }

    public long SentCount => Interlocked.Read(ref _sent);

    public long Errors => Interlocked.Read(ref _errors);

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Error() => Interlocked.Increment(ref _errors);

    public void Answered(double milliseconds)
    {
        var at = Interlocked.Increment(ref _answered) - 1;
        if (at < _latencies.Length)
        {
            _latencies[at] = milliseconds;
        }
    }

    /// <summary>The recorded latencies, sorted.</summary>
    public double[] SortedLatencies()
    {
        var sorted = _latencies.AsSpan(0, Math.Min(Volatile.Read(ref _answered), _latencies.Length)).ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}

/// <summary>
/// Drives every fleet station's messages from one thread: a station joins once it has booted, its first heartbeat and
/// (when charging) first meter sample fall at a random point within their interval, so the fleet's messages spread
/// evenly, and each then repeats at its interval. A priority queue of due times: at 0.05 messages per station per second
/// even 50,000 stations are only 2,500 pops a second, so one sleeping thread costs the shared cores next to nothing.
/// </summary>
internal sealed class FleetPacer(FleetStats stats, TimeSpan heartbeat, TimeSpan meterInterval)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<FleetStation> _joining = new();
    private readonly List<FleetStation> _stations = [];

    /// <summary>From now on the station's messages are sent.</summary>
    public void Join(FleetStation station) => _joining.Enqueue(station);

    public Task RunAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(ct);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "Fleet pacer",
        };
        thread.Start();
        return done.Task;
    }

    private void Run(CancellationToken ct)
    {
        var heartbeatTicks = (long)(heartbeat.TotalSeconds * Stopwatch.Frequency);
        var meterTicks = (long)(meterInterval.TotalSeconds * Stopwatch.Frequency);
        var due = new PriorityQueue<(FleetStation Station, FleetMessage Message), long>();
        var random = new Random(20);
        var lastExpiryCheck = Stopwatch.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            Thread.Sleep(Tick);
            var now = Stopwatch.GetTimestamp();
            while (_joining.TryDequeue(out var joined))
            {
                _stations.Add(joined);
                due.Enqueue((joined, FleetMessage.Heartbeat), now + random.NextInt64(heartbeatTicks));
                if (joined.Charging)
                {
                    due.Enqueue((joined, FleetMessage.MeterValues), now + random.NextInt64(meterTicks));
                }
            }

            var measuring = stats.Measuring;
            while (due.TryPeek(out var next, out var at) && at <= now)
            {
                due.Dequeue();
                next.Station.Due(next.Message, measuring);
                due.Enqueue(next, at + (next.Message == FleetMessage.MeterValues ? meterTicks : heartbeatTicks));
            }

            if (Stopwatch.GetElapsedTime(lastExpiryCheck, now) >= ExpiryCheck)
            {
                lastExpiryCheck = now;
                foreach (var station in _stations)
                {
                    station.ExpireOverdue(now);
                }
            }
        }
    }
}
