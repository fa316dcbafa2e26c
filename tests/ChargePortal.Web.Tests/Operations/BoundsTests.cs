using System.Diagnostics;
using System.Diagnostics.Metrics;
using ChargePortal.Web.Data;
using ChargePortal.Web.Drivers.Find;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Ocpp.MessageLog;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Telemetry;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Tests.Operations;

public sealed class BoundsTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly AsyncLocal<bool> Counting = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_message_log_queue_drops_its_oldest_frames_past_its_frame_limit_and_counts_them()
    {
        using var drops = new DropCounter(OcppMessageLogWriter.QueueName);
        var writer = Writer(new OcppOptions { MessageLogQueueLimit = 3 });

        for (var i = 0; i < 5; i++)
        {
            writer.Append(Frame($"[2,\"{i}\",\"Heartbeat\",{{}}]"));
        }

        writer.Pending.ShouldBe(3);
        writer.Dropped.ShouldBe(2);
        drops.Total.ShouldBe(2);
    }

    [Fact]
    public void The_message_log_queue_is_bounded_by_size_so_large_frames_cannot_grow_it_without_limit()
    {
        var writer = Writer(new OcppOptions { MessageLogQueueLimit = 100_000, MessageLogQueueMegabytes = 1 });
        var sixtyKb = new string('x', 60_000);

        for (var i = 0; i < 20; i++)
        {
            writer.Append(Frame($"[2,\"{i}\",\"DataTransfer\",{{\"data\":\"{sixtyKb}\"}}]"));
        }

        // 1 MB holds eight 60,000-character frames (two bytes a character); the twelve oldest went.
        writer.Pending.ShouldBe(8);
        writer.Dropped.ShouldBe(12);
    }

    [Fact]
    public async Task A_driver_station_page_reads_one_station_not_the_whole_table()
    {
        await SeedManyStationsAsync(200);
        var directory = factory.Services.GetRequiredService<StationDirectory>();
        var everything = await directory.ListAsync(Ct);
        var expected = everything.First(s => s.Id == "AMS-CS-01");

        using var rows = new RowsRead();
        var found = await directory.FindAsync("AMS-CS-01", Ct);
        var read = rows.Total;

        found.ShouldNotBeNull();
        found.Listing.ShouldBeEquivalentTo(expected);
        read.ShouldBeLessThan(30); // the station, its connectors, its site's station ids
        rows.Reset();
        await directory.ListAsync(Ct);
        rows.Total.ShouldBeGreaterThan(200); // the control: the list does read them all
        (await directory.FindAsync("NO-SUCH-STATION", Ct)).ShouldBeNull();
    }

    private async Task SeedManyStationsAsync(int count)
    {
        _ = factory.Server;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        if (await db.Stations.AnyAsync(s => s.Id.StartsWith("BULK-"), Ct))
        {
            return;
        }

        var site = new Site { Name = "Bulk test site", Latitude = 52.3, Longitude = 4.9 };
        db.Sites.Add(site);
        for (var i = 0; i < count; i++)
        {
            db.Stations.Add(new Station { Id = $"BULK-{i:000}", Name = $"Bulk {i}", Site = site, CreatedAt = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync(Ct);
    }

    private OcppMessageLogWriter Writer(OcppOptions options) => new(
        factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
        factory.Services.GetRequiredService<DatabaseWriteGate>(),
        new OcppMetrics(factory.Services.GetRequiredService<IMeterFactory>()),
        Options.Create(options),
        NullLogger<OcppMessageLogWriter>.Instance);

    private static OcppMessageLogEntry Frame(string payload) => new()
    {
        StationId = "BOUNDS-1", At = DateTimeOffset.UtcNow, Direction = MessageDirection.FromStation, MessageType = 2, Action = "Heartbeat", Payload = payload,
    };

    /// <summary>Sums the rows EF Core reads on this async flow (so parallel tests do not count).</summary>
    private sealed class RowsRead : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private int _total;

        public RowsRead()
        {
            Counting.Value = true;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Total => Volatile.Read(ref _total);

        public void Reset() => Interlocked.Exchange(ref _total, 0);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Counting.Value && value.Value is DataReaderDisposingEventData reader)
            {
                Interlocked.Add(ref _total, reader.ReadCount);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            Counting.Value = false;
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Listens to chargeportal.queue.dropped for one queue.</summary>
    private sealed class DropCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public DropCounter(string queue)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == OcppMetrics.MeterName && instrument.Name == "chargeportal.queue.dropped")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "queue" && Equals(tag.Value, queue) && Counting.Value)
                    {
                        Interlocked.Add(ref _total, value);
                    }
                }
            });
            Counting.Value = true;
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose()
        {
            Counting.Value = false;
            _listener.Dispose();
        }
    }
}
