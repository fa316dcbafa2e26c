using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChargePortal.Benchmarks;

/// <summary>A server under test in its own process on 127.0.0.1, so its memory is measured alone.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port, string name)
    {
        _process = process;
        Port = port;
        Name = name;
    }

    public int Port { get; }

    public string Name { get; }

    public Uri OcppUri => new($"ws://127.0.0.1:{Port}/ocpp/");

    /// <summary>The prefix of environment variables meant for the servers only (a runtime knob tried on the host, not on the load generator).</summary>
    public const string ServerEnvironmentPrefix = "BENCH_SERVER_";

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    /// <summary>
    /// Starts the baseline or the real host (Production settings, SQLite in <paramref name="directory"/>) and waits
    /// until it answers /health/live. <paramref name="settings"/> are added to (or override) the host's environment.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(Target target, string name, string directory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var here = AppContext.BaseDirectory;
        var start = target == Target.Baseline
            ? new ProcessStartInfo("dotnet", [Path.Combine(here, "ChargePortal.Benchmarks.dll"), "baseline-server", "--port", port.ToString(CultureInfo.InvariantCulture)])
            : new ProcessStartInfo("dotnet", [Path.Combine(here, "ChargePortal.Web.dll")]);
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment.Remove(LoadGeneratorRuntime.InlineCompletions);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory, "bench.db")}";
        start.Environment["Ocpp__AllowUnknownStations"] = "true";
        start.Environment["Seed__DemoData"] = "false";
        start.Environment["Payments__Provider"] = "Simulated"; // Production without Stripe keys refuses to start otherwise
        start.Environment["Demo__SimulatedStations"] = "0";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in ServerOnlyEnvironment())
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = ChildProcesses.Start(start, name);
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{name}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, port, name);
        try
        {
            await server.WaitHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Resident and peak resident memory of the server process, in MiB (Linux /proc).</summary>
    public NodeMemory Memory()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} during the run (its output is above).");
        }

        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return new NodeMemory(Name, Read("VmRSS"), Read("VmHWM"));
    }

    /// <summary>The CPU time (user and system) the server has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync() => await ChildProcesses.StopAsync(_process);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(new Uri(BaseUri, "health/live"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not up yet.
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}.");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} did not become healthy within 120 s.");
    }

    private static IEnumerable<(string Key, string Value)> ServerOnlyEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(key => key.StartsWith(ServerEnvironmentPrefix, StringComparison.Ordinal))
            .Select(key => (key[ServerEnvironmentPrefix.Length..], Environment.GetEnvironmentVariable(key) ?? ""));
}

public sealed record NodeMemory(string Node, double RssMiB, double PeakMiB);
