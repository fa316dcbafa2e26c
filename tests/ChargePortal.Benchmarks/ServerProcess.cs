using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChargePortal.Benchmarks;

/// <summary>A server under test in its own process on 127.0.0.1, so its memory is measured alone.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private ServerProcess(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public Uri OcppUri => new($"ws://127.0.0.1:{Port}/ocpp/");

    public static async Task<ServerProcess> StartAsync(Target target, BenchmarkOptions options)
    {
        _ = options;
        var port = FreePort();
        var directory = Directory.CreateTempSubdirectory("chargeportal-bench-").FullName;
        var here = AppContext.BaseDirectory;
        var start = target == Target.Baseline
            ? new ProcessStartInfo("dotnet", [Path.Combine(here, "ChargePortal.Benchmarks.dll"), "baseline-server", "--port", port.ToString(CultureInfo.InvariantCulture)])
            : new ProcessStartInfo("dotnet", [Path.Combine(here, "ChargePortal.Web.dll")]);
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(directory, "bench.db")}";
        start.Environment["Ocpp__AllowUnknownStations"] = "true";
        start.Environment["Seed__DemoData"] = "false";
        start.Environment["Demo__SimulatedStations"] = "0";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + target);
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{target}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, port, directory);
        await server.WaitHealthyAsync();
        return server;
    }

    /// <summary>Resident and peak resident memory of the server process, in MiB (Linux /proc).</summary>
    public (double RssMiB, double PeakMiB) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/health/live"))).StatusCode == HttpStatusCode.OK)
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
                throw new InvalidOperationException($"Server exited with code {_process.ExitCode}.");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("Server did not become healthy within 120 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
