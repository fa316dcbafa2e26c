using System.Globalization;
using System.Security.Cryptography;

namespace ChargePortal.Benchmarks;

/// <summary>
/// What one run is measured against: the baseline process, one ChargePortal node (exactly as before multi-node runs
/// existed), or N ChargePortal nodes sharing one database and a private Redis, the cluster's deployment shape. The
/// database is a SQLite file, or with <c>--database postgres</c> a private PostgreSQL started for the run.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    private readonly string _directory;
    private readonly List<ServerProcess> _nodes = [];
    private RedisServer? _redis;
    private PostgresServer? _postgres;

    private Deployment(Target target, string directory)
    {
        Target = target;
        _directory = directory;
    }

    public Target Target { get; }

    public IReadOnlyList<ServerProcess> Nodes => _nodes;

    /// <summary>An operator API key for the commands API (ChargePortal runs that send commands).</summary>
    public string? ApiKey { get; private set; }

    public static async Task<Deployment> StartAsync(Target target, int nodes, BenchmarkOptions options)
    {
        if (target == Target.Baseline && nodes != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(nodes), "The baseline is a single process.");
        }

        var deployment = new Deployment(target, Directory.CreateTempSubdirectory("chargeportal-bench-").FullName);
        try
        {
            var database = target == Target.ChargePortal ? await deployment.StartDatabaseAsync(nodes, options) : [];
            if (target == Target.ChargePortal)
            {
                // /metrics for --memory (the GC heap); loopback only.
                database["Operations__MetricsAllowedNetworks"] = "127.0.0.1/32";
            }

            if (nodes == 1)
            {
                var settings = target == Target.ChargePortal && options.CommandsFor(1) > 0 ? deployment.SeedApiKey() : [];
                deployment._nodes.Add(await ServerProcess.StartAsync(target, target.ToString(), deployment._directory, With(settings, database)));
            }
            else
            {
                await deployment.StartClusterAsync(nodes, options, database);
            }
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }

        return deployment;
    }

    public IReadOnlyList<NodeMemory> Memory() => [.. _nodes.Select(n => n.Memory())];

    /// <summary>The CPU time every node has used so far, together.</summary>
    public TimeSpan CpuTime() => _nodes.Aggregate(TimeSpan.Zero, (sum, node) => sum + node.CpuTime());

    /// <summary>
    /// Stations whose id starts with <paramref name="prefix"/> with connector 1 stored as <paramref name="status"/>, read
    /// from the nodes' database (null for the baseline, which stores nothing).
    /// </summary>
    public async Task<int?> CountConnectorsAsync(string prefix, string status)
    {
        if (Target == Target.Baseline)
        {
            return null;
        }

        await using System.Data.Common.DbConnection connection = _postgres is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "bench.db")};Mode=ReadOnly;Pooling=False")
            : new Npgsql.NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "Connectors" WHERE "StationId" LIKE @prefix AND "ConnectorId" = 1 AND "Status" = @status""";
        var p1 = command.CreateParameter();
        p1.ParameterName = "prefix";
        p1.Value = prefix + "%";
        command.Parameters.Add(p1);
        var p2 = command.CreateParameter();
        p2.ParameterName = "status";
        p2.Value = status;
        command.Parameters.Add(p2);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    /// <summary>
    /// A fresh operator API key (<see cref="ApiKey"/>) and the settings that seed it. The demo seed is the way to get a
    /// key into a fresh database; its ten stations stay offline.
    /// </summary>
    private Dictionary<string, string> SeedApiKey()
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        ApiKey = "cpk_bench_" + secret;
        return new Dictionary<string, string>
        {
            ["Seed__DemoData"] = "true",
            ["Seed__DemoPassword"] = "Bench!" + secret,
            ["Seed__OperatorApiKey"] = ApiKey,
        };
    }

    private static Dictionary<string, string> With(Dictionary<string, string> settings, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The longest a run can take (node starts, connecting, warm-up, measuring, teardown): helper servers die by then.</summary>
    private static TimeSpan MaxLife(int nodes, BenchmarkOptions options) => TimeSpan.FromSeconds(nodes * 120 + 600) + options.Warmup + options.Duration;

    /// <summary>The nodes' database settings: none for the SQLite default, a private PostgreSQL's for <c>--database postgres</c>.</summary>
    private async Task<Dictionary<string, string>> StartDatabaseAsync(int nodes, BenchmarkOptions options)
    {
        if (options.Database != BenchDatabase.Postgres)
        {
            return [];
        }

        _postgres = await PostgresServer.StartAsync(MaxLife(nodes, options));
        return new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Default"] = _postgres.ConnectionString,
        };
    }

    private async Task StartClusterAsync(int nodes, BenchmarkOptions options, Dictionary<string, string> database)
    {
        _redis = await RedisServer.StartAsync(MaxLife(nodes, options));
        var seed = SeedApiKey();
        var prefix = "bench-" + ApiKey![10..18].ToLowerInvariant();
        for (var i = 1; i <= nodes; i++)
        {
            var settings = new Dictionary<string, string>(With(new Dictionary<string, string>(seed), database))
            {
                ["Redis__ConnectionString"] = _redis.ConnectionString,
                ["Cluster__NodeId"] = "bench-node-" + i.ToString(CultureInfo.InvariantCulture),
                ["Cluster__ChannelPrefix"] = prefix,
            };

            // One after the other: the first migrates and seeds the shared database, the others find it ready.
            _nodes.Add(await ServerProcess.StartAsync(Target, $"node {i}", _directory, settings));
        }
    }
}
