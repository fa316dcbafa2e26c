using System.Globalization;

namespace ChargePortal.Benchmarks;

public enum Target
{
    Baseline,
    ChargePortal,
}

/// <summary>The database the ChargePortal nodes run on.</summary>
public enum BenchDatabase
{
    /// <summary>One SQLite file (shared by every node of a multi-node run).</summary>
    Sqlite,

    /// <summary>A private PostgreSQL started for the run (see <see cref="PostgresServer"/>).</summary>
    Postgres,
}

/// <summary>What a run measures.</summary>
public enum BenchMode
{
    /// <summary>Steady load: N stations at R messages per second each, after a warm-up (the default).</summary>
    Load,

    /// <summary>A reconnect storm: N known stations connect and boot at the same instant (see <see cref="StormRun"/>).</summary>
    Storm,

    /// <summary>What an idle connected station costs in memory (see <see cref="MemoryRun"/>).</summary>
    Memory,

    /// <summary>A realistic fleet: a bounded ramp, heartbeats, meter values from the charging share (see <see cref="FleetRun"/>).</summary>
    Fleet,
}

/// <summary>
/// What to run. <see cref="NodeCounts"/>: ChargePortal runs once per node count, more than one node adding Redis (the
/// baseline is always one process). <see cref="Commands"/>: commands sent through the HTTP API during each ChargePortal
/// run, as given; when not given, 200 in multi-node runs (to the node holding the station and as many to another node)
/// and none on one node (see <see cref="CommandsFor"/>).
/// </summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<int> StationCounts,
    double Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    IReadOnlyList<Target> Targets,
    int ConnectConcurrency,
    IReadOnlyList<int> NodeCounts,
    int? Commands,
    BenchDatabase Database = BenchDatabase.Sqlite)
{
    public BenchMode Mode { get; init; } = BenchMode.Load;

    /// <summary>The message mix and ramp of a <see cref="BenchMode.Fleet"/> run.</summary>
    public FleetMix Fleet { get; init; } = FleetMix.Default;

    /// <summary>Stations per run: a fleet's lightweight stations go further than the load's.</summary>
    public const int MaxStations = 20_000;

    public const int MaxFleetStations = 60_000;

    public const int MaxNodes = 4;

    public const string Usage = """
        usage: ChargePortal.Benchmarks [--stations 1000[,5000,...]] [--rate 1] [--duration 30] [--warmup 10]
                                       [--targets baseline,chargeportal] [--connect-concurrency 100]
                                       [--nodes 1[,2]] [--commands 200] [--database sqlite|postgres]
                                       [--storm | --memory | --fleet [--charging-share 0.7] [--heartbeat 300]
                                        [--meter-interval 15] [--ramp-rate 400]]
          --stations    simulated stations per run (1-20000, with --fleet 1-60000); stations are split evenly over the nodes
          --rate        messages per station per second (0-20]
          --duration    measured seconds per run (1-600), after --warmup seconds (0-300)
          --nodes       ChargePortal node counts to run (1-4); 2 or more share one database and a private
                        redis-server started on 127.0.0.1 for the run (needs redis-server on the PATH)
          --database    what the ChargePortal nodes store in: sqlite (one file, the default) or postgres (a
                        private PostgreSQL cluster started on 127.0.0.1 for the run; needs Debian's postgresql)
          --storm       a reconnect storm instead of the steady load: every station (registered by an unmeasured
                        first boot) connects, boots and reports its connector at the same instant, then sends the
                        paced load; reports connect-to-boot and boot-call percentiles, the time until every
                        station is booted and its status stored (read from the database), and the latency of the
                        first --duration seconds, with no warm-up
          --memory      what an idle connected station costs: RSS and GC heap of the server settled empty,
                        then with the stations connected, booted and idle; the difference per station
          --fleet       a realistic fleet instead of the steady load: stations connect at --ramp-rate per second
                        (at most --connect-concurrency at once), boot, the --charging-share of them start a
                        transaction; every station sends a Heartbeat every --heartbeat seconds and a charging one
                        MeterValues every --meter-interval seconds (the defaults average 0.05 msg/s per station);
                        reports connected/held stations, calls sent, answer p50/p95/p99, errors and RSS after
                        --warmup, over --duration seconds
          --commands    commands (get-configuration) sent through the HTTP API while the load runs (0-10000):
                        on several nodes to the node holding the station and as many to another node (default
                        200); on one node to that node (default none)
        """;

    public static BenchmarkOptions? Parse(string[] args)
    {
        var stations = new List<int> { 1000 };
        var rate = 1.0;
        var duration = 30;
        var warmup = 10;
        var connect = 100;
        var nodes = new List<int> { 1 };
        int? commands = null;
        var database = BenchDatabase.Sqlite;
        var targets = new List<Target> { Target.Baseline, Target.ChargePortal };
        var mode = BenchMode.Load;
        var fleet = FleetMix.Default;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--stations" when value is not null:
                        stations = Ints(value);
                        i++;
                        break;
                    case "--rate" when value is not null:
                        rate = double.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--duration" when value is not null:
                        duration = int.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--warmup" when value is not null:
                        warmup = int.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--connect-concurrency" when value is not null:
                        connect = int.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--targets" when value is not null:
                        targets = [.. value.Split(',').Select(v => Enum.Parse<Target>(v, ignoreCase: true))];
                        i++;
                        break;
                    case "--nodes" when value is not null:
                        nodes = Ints(value);
                        i++;
                        break;
                    case "--database" when value is not null:
                        database = value switch
                        {
                            "sqlite" => BenchDatabase.Sqlite,
                            "postgres" or "postgresql" => BenchDatabase.Postgres,
                            _ => throw new ArgumentException("--database is sqlite or postgres"),
                        };
                        i++;
                        break;
                    case "--storm":
                        mode = BenchMode.Storm;
                        break;
                    case "--memory":
                        mode = BenchMode.Memory;
                        break;
                    case "--fleet":
                        mode = BenchMode.Fleet;
                        break;
                    case "--charging-share" when value is not null:
                        fleet = fleet with { ChargingShare = double.Parse(value, CultureInfo.InvariantCulture) };
                        i++;
                        break;
                    case "--heartbeat" when value is not null:
                        fleet = fleet with { Heartbeat = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) };
                        i++;
                        break;
                    case "--meter-interval" when value is not null:
                        fleet = fleet with { MeterInterval = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) };
                        i++;
                        break;
                    case "--ramp-rate" when value is not null:
                        fleet = fleet with { RampPerSecond = int.Parse(value, CultureInfo.InvariantCulture) };
                        i++;
                        break;
                    case "--commands" when value is not null:
                        commands = int.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    default:
                        return null;
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }

        // Bounded by design: a benchmark must stop by itself.
        var maxStations = mode == BenchMode.Fleet ? MaxFleetStations : MaxStations;
        var valid = stations.Count > 0 && stations.All(s => s > 0 && s <= maxStations)
            && fleet.ChargingShare is >= 0 and <= 1 && fleet.Heartbeat.TotalSeconds is >= 1 and <= 3600
            && fleet.MeterInterval.TotalSeconds is >= 1 and <= 3600 && fleet.RampPerSecond is >= 1 and <= 10_000
            && rate is > 0 and <= 20 && duration is > 0 and <= 600 && warmup is >= 0 and <= 300
            && connect is > 0 and <= 1000 && targets.Count > 0
            && nodes.Count > 0 && nodes.All(n => n is >= 1 and <= MaxNodes) && commands is null or (>= 0 and <= 10_000);
        return valid
            ? new BenchmarkOptions(stations, rate, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(warmup), [.. targets.Distinct()], connect, [.. nodes.Distinct()], commands, database)
            {
                Mode = mode,
                Fleet = fleet,
            }
            : null;
    }

    /// <summary>Commands to send in a run of <paramref name="nodes"/> ChargePortal nodes.</summary>
    public int CommandsFor(int nodes) => Commands ?? (nodes > 1 ? 200 : 0);

    private static List<int> Ints(string value) => [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
}
