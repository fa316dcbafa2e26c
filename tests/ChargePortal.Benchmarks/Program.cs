using ChargePortal.Benchmarks;

// Load benchmark: N simulated stations at R messages per station per second against the real host and,
// in the same run, against a baseline WebSocket server that answers without any processing.
//   dotnet run -c Release --project tests/ChargePortal.Benchmarks -- --stations 1000,5000 --rate 1 --duration 30
// With --nodes 2 the host also runs as two nodes sharing one SQLite file and a private Redis, and commands sent
// through the HTTP API measure what routing a command to the other node costs. --database postgres puts the nodes
// on a private PostgreSQL instead of SQLite.
// The baseline runs as a child process of this program: `baseline-server --port N`.
// `validation-cost` measures what OCPP schema validation adds per message, single-threaded.
if (args.Length > 0 && args[0] == "baseline-server")
{
    await BaselineServer.RunAsync(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length > 0 && args[0] == "validation-cost")
{
    ValidationCost.Run(500_000);
    return 0;
}

LoadGeneratorRuntime.CompleteSocketsInline();

// A fleet is one descriptor per station here and one in the server (which inherits this limit).
var descriptors = FileDescriptorLimit.Raise(200_000);
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (FileDescriptorLimit.Shortfall(descriptors, options.StationCounts.Max()) is { } shortfall)
{
    Console.Error.WriteLine(shortfall);
    return 2;
}

var results = new List<RunResult>();
var storms = new List<StormResult>();
var memories = new List<MemoryResult>();
var fleets = new List<FleetResult>();
foreach (var stations in options.StationCounts)
{
    foreach (var target in options.Targets)
    {
        foreach (var nodes in target == Target.Baseline ? [1] : options.NodeCounts)
        {
            var shape = (nodes == 1 ? "" : $" on {nodes} nodes with Redis")
                + (target == Target.ChargePortal && options.Database == BenchDatabase.Postgres ? " on PostgreSQL" : "");
            Console.WriteLine($"--- {options.Mode} {target}{shape} with {stations} stations at {options.Rate} msg/s each for {options.Duration.TotalSeconds:0} s ({LoadGeneratorRuntime.MachineLoad()})");
            await using var deployment = await Deployment.StartAsync(target, nodes, options);
            if (options.Mode == BenchMode.Memory)
            {
                var memory = await MemoryRun.RunAsync(deployment, stations, options);
                memories.Add(memory);
                Console.WriteLine(memory.ToLine());
            }
            else if (options.Mode == BenchMode.Fleet)
            {
                var fleet = await FleetRun.RunAsync(deployment, stations, options);
                fleets.Add(fleet);
                Console.WriteLine(fleet.ToLine());
            }
            else if (options.Mode == BenchMode.Storm)
            {
                var storm = await StormRun.RunAsync(deployment, stations, options);
                storms.Add(storm);
                Console.WriteLine(storm.ToLine());
            }
            else
            {
                var result = await LoadGenerator.RunAsync(deployment, stations, options);
                results.Add(result);
                Console.WriteLine(result.ToLine());
            }
        }
    }
}

Console.WriteLine();
Console.WriteLine(options.Mode switch
{
    BenchMode.Storm => StormRun.Markdown(storms, options.Database),
    BenchMode.Memory => MemoryRun.Markdown(memories, options.Database),
    BenchMode.Fleet => FleetRun.Markdown(fleets, options.Database),
    _ => Report.Markdown(results, options.Database),
});
return 0;
