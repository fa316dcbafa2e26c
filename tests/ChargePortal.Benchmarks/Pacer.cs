using System.Diagnostics;

namespace ChargePortal.Benchmarks;

/// <summary>
/// Drives every station's sends from one thread: station i sends at the same offset within each interval (the offsets
/// spread evenly over it), so the load is smooth rather than in lockstep. One sleeping thread for the whole load,
/// instead of a timer and a thread-pool wake-up per message, keeps the generator's own CPU cost down: it shares the
/// machine's cores with the server it measures.
/// </summary>
internal sealed class Pacer(IReadOnlyList<LoadStation> stations, double rate)
{
    private const int Slots = 1000;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromMilliseconds(250);

    public Task RunAsync(MeasuringFlag measuring, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(measuring, ct);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "Load pacer",
        };
        thread.Start();
        return done.Task;
    }

    private void Run(MeasuringFlag measuring, CancellationToken ct)
    {
        if (stations.Count == 0)
        {
            return;
        }

        var interval = (long)(Stopwatch.Frequency / rate);
        var order = Enumerable.Range(0, stations.Count).OrderBy(i => i % Slots).ToArray();
        var offsets = order.Select(i => interval * (i % Slots) / Slots).ToArray();
        var roundStart = Stopwatch.GetTimestamp();
        var cursor = 0;
        var lastExpiryCheck = roundStart;
        while (!ct.IsCancellationRequested)
        {
            Thread.Sleep(Tick);
            var now = Stopwatch.GetTimestamp();
            while (roundStart + offsets[cursor] <= now)
            {
                stations[order[cursor]].Due(measuring);
                if (++cursor == order.Length)
                {
                    cursor = 0;
                    roundStart += interval;
                }
            }

            if (Stopwatch.GetElapsedTime(lastExpiryCheck, now) >= ExpiryCheck)
            {
                lastExpiryCheck = now;
                foreach (var station in stations)
                {
                    station.ExpireOverdue(now, measuring);
                }
            }
        }
    }
}
