using System.Globalization;
using ChargePortal.Ocpp;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Simulator.Cli;

/// <summary>The command line: parses arguments, runs a fleet, logs to the console, stops cleanly on Ctrl+C.</summary>
internal static class SimulatorCli
{
    public const string Usage = """
        ChargePortal charge-point simulator (OCPP 1.6J and 2.0.1)

        Usage:
          dotnet run --project src/ChargePortal.Simulator -- --url ws://localhost:5000/ocpp [options]

        Options:
          --url <ws-url>            CSMS OCPP base URL; the station id is appended (required)
          --id <id>                 station id, or the first id when --count > 1 (default SIM-001;
                                    trailing digits are incremented: SIM-001, SIM-002, ...)
          --version <1.6|2.0.1>     OCPP version (default 1.6)
          --count <n>               number of stations (default 1)
          --password <secret>       HTTP Basic-auth password (security profile 1)
          --connectors <n>          connectors (EVSEs) per station (default 2)
          --max-power <W>           max power per connector in W (default 22000)
          --meter-interval <s>      meter value sample interval, simulated seconds (default 60)
          --heartbeat <s>           heartbeat interval until the CSMS sets one (default 300)
          --speed <factor>          simulated time runs this much faster (default 1)
          --auto-sessions           run random RFID sessions (live demo)
          --id-tags <a,b,...>       RFID tags for automatic sessions (default DEMO-0001,DEMO-0002,DEMO-0003)
          --max-connects <n>        stations connecting at the same time (default 10)
          --verbose                 log every OCPP frame
          -h, --help                show this help
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        CliArguments parsed;
        try
        {
            parsed = CliArguments.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            await Console.Error.WriteLineAsync("Run with --help for usage.");
            return 2;
        }

        if (parsed.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(parsed.Verbose ? LogLevel.Debug : LogLevel.Information)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            }));
        var logger = loggerFactory.CreateLogger("ChargePortal.Simulator");
        await using var fleet = new SimulatorFleet(parsed.ToFleetOptions(), loggerFactory: loggerFactory);
        fleet.Changed += (_, change) =>
        {
            if (change.Kind is not ChargePointChangeKind.CommandReceived)
            {
                logger.LogInformation("{Id} {Kind}{Connector}: {Description}", change.ChargePointId, change.Kind, change.ConnectorId is { } c ? $" #{c}" : string.Empty, change.Description);
            }
        };
        if (parsed.Verbose)
        {
            foreach (var station in fleet.Stations)
            {
                station.FrameLogged += (_, frame) => logger.LogDebug("{Id} {Direction} {Frame}", station.Id, frame.Direction == Ocpp.Rpc.OcppFrameDirection.Incoming ? "<<" : ">>", frame.Frame);
            }
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        logger.LogInformation(
            "Starting {Count} OCPP {Version} station(s) against {Url}. Ctrl+C stops.",
            fleet.Stations.Count,
            parsed.Version.DisplayName(),
            parsed.Url);
        try
        {
            await fleet.StartAsync(stop.Token);
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C.
        }

        logger.LogInformation("Stopping: ending running sessions…");
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await fleet.StopAllSessionsAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("Not every session could be reported stopped in time.");
            }
        }

        await fleet.StopAsync(CancellationToken.None);
        logger.LogInformation("Stopped.");
        return 0;
    }
}

/// <summary>The parsed command line. Throws <see cref="FormatException"/> with a clear message on bad input.</summary>
internal sealed record CliArguments
{
    public Uri? Url { get; init; }

    public string Id { get; init; } = "SIM-001";

    public OcppVersion Version { get; init; } = OcppVersion.V16;

    public int Count { get; init; } = 1;

    public string? Password { get; init; }

    public int Connectors { get; init; } = 2;

    public int MaxPowerW { get; init; } = 22_000;

    public int MeterIntervalSeconds { get; init; } = 60;

    public int HeartbeatSeconds { get; init; } = 300;

    public double Speed { get; init; } = 1;

    public bool AutoSessions { get; init; }

    public IReadOnlyList<string>? IdTags { get; init; }

    public int MaxConnects { get; init; } = 10;

    public bool Verbose { get; init; }

    public bool Help { get; init; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new FormatException($"{arg} needs a value.");
                }

                return args[++i];
            }

            result = arg switch
            {
                "-h" or "--help" => result with { Help = true },
                "--url" => result with { Url = ParseUrl(Value()) },
                "--id" => result with { Id = NonEmpty(arg, Value()) },
                "--version" => result with { Version = ParseVersion(Value()) },
                "--count" => result with { Count = Int(arg, Value(), 1) },
                "--password" => result with { Password = Value() },
                "--connectors" => result with { Connectors = Int(arg, Value(), 1) },
                "--max-power" => result with { MaxPowerW = Int(arg, Value(), 1) },
                "--meter-interval" => result with { MeterIntervalSeconds = Int(arg, Value(), 0) },
                "--heartbeat" => result with { HeartbeatSeconds = Int(arg, Value(), 0) },
                "--speed" => result with { Speed = ParseSpeed(Value()) },
                "--auto-sessions" => result with { AutoSessions = true },
                "--id-tags" => result with { IdTags = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] },
                "--max-connects" => result with { MaxConnects = Int(arg, Value(), 1) },
                "--verbose" => result with { Verbose = true },
                _ => throw new FormatException($"unknown argument '{arg}'."),
            };
        }

        if (!result.Help && result.Url is null)
        {
            throw new FormatException("--url is required (e.g. --url ws://localhost:5000/ocpp).");
        }

        return result;
    }

    public SimulatorFleetOptions ToFleetOptions()
    {
        var (prefix, first, width) = SplitId(Id, Count);
        return new SimulatorFleetOptions
        {
            CsmsUrl = Url ?? throw new InvalidOperationException("--url is required."),
            Count = Count,
            Ids = Count == 1 ? [Id] : null,
            IdPrefix = prefix,
            FirstNumber = first,
            NumberWidth = width,
            Version = Version,
            Password = Password,
            MaxConcurrentConnects = MaxConnects,
            AutoSessions = AutoSessions,
            AutoSessionIdTags = IdTags ?? ["DEMO-0001", "DEMO-0002", "DEMO-0003"],
            Template = new SimulatedChargePointOptions
            {
                Id = Id,
                CsmsUrl = Url,
                Connectors = [.. Enumerable.Range(0, Connectors).Select(_ => new SimulatedConnectorOptions(SimulatedConnectorType.Type2, MaxPowerW))],
                MeterValueInterval = TimeSpan.FromSeconds(MeterIntervalSeconds),
                HeartbeatInterval = TimeSpan.FromSeconds(HeartbeatSeconds),
                SpeedFactor = Speed,
            },
        };
    }

    /// <summary>"SIM-001" → ("SIM-", 1, 3); ids without trailing digits get "-001", "-002" … (a single station keeps its id as given).</summary>
    internal static (string Prefix, int First, int Width) SplitId(string id, int count)
    {
        var digits = id.Length - id.TrimEnd("0123456789".ToCharArray()).Length;
        return digits is > 0 and <= 9
            ? (id[..^digits], int.Parse(id[^digits..], CultureInfo.InvariantCulture), digits)
            : ($"{id}-", 1, 3);
    }

    private static Uri ParseUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "ws" or "wss"
            ? uri
            : throw new FormatException($"--url must be a ws:// or wss:// URL, got '{value}'.");

    private static OcppVersion ParseVersion(string value) => value switch
    {
        "1.6" or "1.6J" or "ocpp1.6" => OcppVersion.V16,
        "2.0.1" or "ocpp2.0.1" => OcppVersion.V201,
        _ => throw new FormatException($"--version must be 1.6 or 2.0.1, got '{value}'."),
    };

    private static int Int(string name, string value, int min)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new FormatException($"{name} must be an integer ≥ {min}, got '{value}'.");

    private static double ParseSpeed(string value)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0
            ? x
            : throw new FormatException($"--speed must be a positive number, got '{value}'.");

    private static string NonEmpty(string name, string value)
        => string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{name} must not be empty.") : value;
}
