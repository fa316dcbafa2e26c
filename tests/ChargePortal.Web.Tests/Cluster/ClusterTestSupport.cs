using System.Threading.Channels;
using ChargePortal.Web.Live;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Cluster;

/// <summary>The Redis server test.sh starts (CHARGEPORTAL_TEST_REDIS=host:port).</summary>
internal static class TestRedis
{
    public static string? Address { get; } = Environment.GetEnvironmentVariable("CHARGEPORTAL_TEST_REDIS") is { Length: > 0 } value ? value : null;

    /// <summary>Skips (visibly) only when no Redis was provided; test.sh always provides one.</summary>
    public static string Require()
    {
        Assert.SkipWhen(Address is null, "CHARGEPORTAL_TEST_REDIS is not set: run ./test.sh, which starts a private redis-server for the cluster tests.");
        return Address!;
    }
}

/// <summary>One node of a test cluster: the real host on Kestrel, Redis configured, its own node id, a shared database.</summary>
public sealed class ClusterNodeFactory(string nodeId, TestDatabase shared, string channelPrefix, string redis) : KestrelChargePortalFactory
{
    public string NodeId => nodeId;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(shared.Settings)
    {
        ["Ocpp:CallTimeoutSeconds"] = "10", // generous: a loaded CI machine must not turn a slow answer into a 504
        ["Seed:DemoData"] = "true",
        ["Redis:ConnectionString"] = redis,
        ["Cluster:NodeId"] = nodeId,
        ["Cluster:ChannelPrefix"] = channelPrefix,

        // A leftover connection on the old node is noticed within a second instead of 15 s.
        ["Cluster:OwnershipRefreshSeconds"] = "1",
    };
}

/// <summary>Two nodes sharing one database and one Redis, started one after the other (the first migrates and seeds).</summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chargeportal-tests", "cluster-" + Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database;

    private TwoNodeCluster(string redis)
    {
        Directory.CreateDirectory(_directory);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        _database = TestDatabase.Create(Path.Combine(_directory, "shared.db"));
        var prefix = "test-" + suffix;
        A = new ClusterNodeFactory("node-a-" + suffix, _database, prefix, redis);
        B = new ClusterNodeFactory("node-b-" + suffix, _database, prefix, redis);
    }

    /// <summary>The database both nodes share: SQLite, or PostgreSQL in the PostgreSQL pass.</summary>
    public TestDatabase Database => _database;

    public ClusterNodeFactory A { get; }

    public ClusterNodeFactory B { get; }

    public static TwoNodeCluster Start(string redis)
    {
        var cluster = new TwoNodeCluster(redis);
        _ = cluster.A.BaseUri;
        _ = cluster.B.BaseUri;
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}

/// <summary>Shared by a test class; started on first use so that a run without Redis only skips.</summary>
public sealed class TwoNodeClusterFixture : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private TwoNodeCluster? _cluster;

    public TwoNodeCluster Get()
    {
        var redis = TestRedis.Require();
        lock (_lock)
        {
            return _cluster ??= TwoNodeCluster.Start(redis);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>Subscribes at construction (so nothing published afterwards is missed) and records what arrives.</summary>
public sealed class EventRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<StationEvent> _seen = Channel.CreateUnbounded<StationEvent>();
    private readonly IAsyncEnumerator<StationEvent> _events;
    private readonly Task _pump;

    public EventRecorder(IStationEventStream stream)
        : this(stream.SubscribeAsync)
    {
    }

    public EventRecorder(Func<CancellationToken, IAsyncEnumerable<StationEvent>> subscribe)
    {
        _events = subscribe(_stop.Token).GetAsyncEnumerator(_stop.Token);

        // The first MoveNextAsync runs the subscription synchronously up to its first wait.
        _pump = PumpAsync(_events.MoveNextAsync());
    }

    /// <summary>Events seen so far, in order, up to and including the first one matching <paramref name="until"/>.</summary>
    public async Task<List<StationEvent>> ReadUntilAsync(Func<StationEvent, bool> until)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var seen = new List<StationEvent>();
        while (true)
        {
            var next = await _seen.Reader.ReadAsync(timeout.Token);
            seen.Add(next);
            if (until(next))
            {
                return seen;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _events.DisposeAsync();
        _stop.Dispose();
    }

    private async Task PumpAsync(ValueTask<bool> first)
    {
        try
        {
            var more = await first;
            while (more)
            {
                _seen.Writer.TryWrite(_events.Current);
                more = await _events.MoveNextAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
