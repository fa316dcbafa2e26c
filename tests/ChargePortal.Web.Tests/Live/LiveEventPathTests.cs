using System.Text.RegularExpressions;
using ChargePortal.Web.Live;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePortal.Web.Tests.Live;

/// <summary>
/// The one path pages (<see cref="LiveSubscriptions"/>) and jobs (<see cref="StationEventFollower"/>) follow station
/// events by: a filter that is a value, handlers on the subscriber's own thread, and a failing handler that does not end
/// the subscription.
/// </summary>
public sealed partial class LiveEventPathTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_filter_selects_by_station_and_by_kind_including_derived_kinds()
    {
        var connected = new StationConnected("A", At, "2.0.1");
        var status = new ConnectorStatusChanged("A", At, 1, 1, ConnectorStatus.Charging, null);
        var elsewhere = new StationConnected("B", At, "1.6");

        LiveFilter.Everything.Matches(elsewhere).ShouldBeTrue();
        LiveFilter.ForStation("A").Matches(connected).ShouldBeTrue();
        LiveFilter.ForStation("A").Matches(elsewhere).ShouldBeFalse();
        LiveFilter.ForStation("A").Of(typeof(ConnectorStatusChanged)).Matches(status).ShouldBeTrue();
        LiveFilter.ForStation("A").Of(typeof(ConnectorStatusChanged)).Matches(connected).ShouldBeFalse();
        LiveFilter.Everything.Of(typeof(StationEvent)).Matches(elsewhere).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => LiveFilter.Everything.Of(typeof(string))).Message.ShouldContain("String is not a StationEvent");
    }

    [Fact]
    public async Task A_page_handler_that_throws_is_logged_and_the_page_keeps_receiving_on_its_own_dispatcher()
    {
        var bus = new InProcessStationEventBus(NullLogger.Instance);
        var log = new RecordingLogger<LiveSubscriptions>();
        var received = new List<string>();
        var dispatched = 0;
        var third = new TaskCompletionSource();
        var live = new LiveSubscriptions(bus, log);

        await using (var subscription = live.Subscribe(LiveFilter.ForStation("PAGE").Of(typeof(StationNotification)), e =>
        {
            var status = ((StationNotification)e).Status;
            received.Add(status);
            if (status == "second")
            {
                throw new InvalidOperationException("the page could not apply it");
            }

            if (status == "third")
            {
                third.TrySetResult();
            }

            return Task.CompletedTask;
        }, work => { Interlocked.Increment(ref dispatched); return work(); }))
        {
            await PublishUntilSeenAsync(bus, () => received.Count > 0, new StationNotification("PAGE", At, "Probe", "first"));
            bus.Publish(new StationConnected("PAGE", At, "2.0.1")); // filtered out by kind
            bus.Publish(new StationNotification("OTHER", At, "Probe", "other station")); // filtered out by station
            bus.Publish(new StationNotification("PAGE", At, "Probe", "second"));
            bus.Publish(new StationNotification("PAGE", At, "Probe", "third"));
            await third.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        }

        received.Where(s => s != "first").ShouldBe(["second", "third"]);
        dispatched.ShouldBe(received.Count); // every handler call went through the page's InvokeAsync
        log.Warnings.ShouldHaveSingleItem().ShouldContain("could not apply StationNotification");

        // Disposed: nothing more arrives.
        var before = received.Count;
        bus.Publish(new StationNotification("PAGE", At, "Probe", "after"));
        await Task.Delay(100, Ct);
        received.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_job_that_fails_or_times_out_on_one_event_goes_on_with_the_next()
    {
        var bus = new InProcessStationEventBus(NullLogger.Instance);
        var log = new RecordingLogger<FlakyJob>();
        var job = new FlakyJob(bus, log);
        await job.StartAsync(Ct);
        try
        {
            await PublishUntilSeenAsync(bus, () => !job.Handled.IsEmpty, new StationNotification("JOB", At, "Probe", "ok"));
            bus.Publish(new StationNotification("JOB", At, "Probe", "throw"));
            bus.Publish(new StationNotification("JOB", At, "Probe", "timeout"));
            bus.Publish(new StationConnected("JOB", At, "1.6")); // not a kind the job asked for
            bus.Publish(new StationNotification("JOB", At, "Probe", "last"));
            await job.Last.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }

        job.Handled.Where(s => s != "ok").ShouldBe(["throw", "timeout", "last"]);
        log.Errors.Count.ShouldBe(2);
        log.Errors.ShouldAllBe(e => e.Contains("FlakyJob could not handle StationNotification of station JOB", StringComparison.Ordinal));
    }

    /// <summary>
    /// Pages and jobs follow events only through <see cref="LiveSubscriptions"/> or <see cref="StationEventFollower"/>:
    /// a hand-written loop over the raw stream elsewhere is the kind of code whose filter reads page state off the render
    /// thread, or whose first exception silently ends it.
    /// </summary>
    [Fact]
    public void Nothing_outside_the_live_feature_and_the_buses_reads_the_raw_event_stream()
    {
        var web = Path.Combine(ChargePortalFactory.RepositoryRoot, "src", "ChargePortal.Web");
        var allowed = new[] { Path.Combine(web, "Live") + Path.DirectorySeparatorChar, Path.Combine(web, "Cluster", "RedisStationEventBus.cs") };
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .Where(f => RawStreamUse().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\bSubscribe(Local)?Async\s*\(\s*(stoppingToken|ct|_cts|PageClosed|cancellationToken)|@inject\s+I(Local)?StationEventStream\b")]
    private static partial Regex RawStreamUse();

    /// <summary>Publishes <paramref name="probe"/> until the subscriber (which subscribes in the background) has seen one.</summary>
    private static async Task PublishUntilSeenAsync(InProcessStationEventBus bus, Func<bool> seen, StationEvent probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!seen())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the subscriber never received an event");
            bus.Publish(probe);
            await Task.Delay(20, Ct);
        }
    }

    public sealed class FlakyJob(IStationEventStream stream, ILogger<FlakyJob> logger) : StationEventFollower(stream)
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Handled { get; } = new();

        public TaskCompletionSource Last { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override ILogger Logger => logger;

        protected override LiveFilter Filter { get; } = LiveFilter.ForStation("JOB").Of(typeof(StationNotification));

        protected override Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
        {
            var status = ((StationNotification)stationEvent).Status;
            Handled.Enqueue(status);
            return status switch
            {
                "throw" => throw new InvalidOperationException("broken event"),
                "timeout" => throw new OperationCanceledException("a call of the job's own timed out"),
                "last" => Task.Run(Last.SetResult, ct),
                _ => Task.CompletedTask,
            };
        }
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

        public IReadOnlyList<string> Warnings => [.. _entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)];

        public IReadOnlyList<string> Errors => [.. _entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message)];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
