using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChargePortal.Web.Live;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Web.Tests.Live;

/// <summary>
/// A subscriber that falls behind loses its oldest events, never stalls publishers, and the loss is counted, metered
/// and logged rather than silent.
/// </summary>
public sealed class StationEventBusTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static StationNotification Event(int n) => new($"BUS-{n:D5}", At, "Test", n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_subscriber_that_falls_behind_loses_the_oldest_events_and_the_loss_is_counted_metered_and_logged()
    {
        var log = new ListLogger();
        var bus = new InProcessStationEventBus(log);
        long metered = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == InProcessStationEventBus.MeterName && instrument.Name == InProcessStationEventBus.DroppedCounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref metered, value));
        listener.Start();

        var subscription = bus.SubscribeAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var first = subscription.MoveNextAsync(); // subscribes, then waits for an event
        bus.Publish(Event(0));
        (await first).ShouldBeTrue();

        // The subscriber reads nothing while 10 more than its queue holds are published: publishing never waits.
        for (var n = 1; n <= InProcessStationEventBus.SubscriberCapacity + 10; n++)
        {
            bus.Publish(Event(n));
        }

        bus.Dropped.ShouldBe(10);
        Interlocked.Read(ref metered).ShouldBeGreaterThanOrEqualTo(10); // the meter is process-wide
        log.Warnings.ShouldHaveSingleItem().ShouldContain("fell behind by 1024 events");

        // What is left are the newest events, in order: the oldest ten went.
        (await subscription.MoveNextAsync()).ShouldBeTrue();
        subscription.Current.StationId.ShouldBe("BUS-00011");

        await subscription.DisposeAsync();
        log.Warnings.Count.ShouldBe(2);
        log.Warnings[1].ShouldContain("lost 10 events in all");
    }

    [Fact]
    public async Task A_subscriber_that_keeps_up_loses_nothing_and_nothing_is_logged()
    {
        var log = new ListLogger();
        var bus = new InProcessStationEventBus(log);
        var received = 0;
        await using (var subscription = bus.SubscribeAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken))
        {
            for (var n = 0; n < InProcessStationEventBus.SubscriberCapacity * 3; n++)
            {
                var next = subscription.MoveNextAsync();
                bus.Publish(Event(n));
                (await next).ShouldBeTrue();
                subscription.Current.StationId.ShouldBe($"BUS-{n:D5}");
                received++;
            }
        }

        received.ShouldBe(InProcessStationEventBus.SubscriberCapacity * 3);
        bus.Dropped.ShouldBe(0);
        log.Warnings.ShouldBeEmpty();
    }

    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                _warnings.Enqueue(formatter(state, exception));
            }
        }
    }
}
