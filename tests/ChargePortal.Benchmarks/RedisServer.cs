using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChargePortal.Benchmarks;

/// <summary>
/// A private redis-server for one multi-node run: 127.0.0.1 on a free port, nothing persisted, memory capped, and
/// run under coreutils <c>timeout</c> so that it dies after <c>maxLife</c> even if the benchmark itself is killed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string the nodes use.</summary>
    public string ConnectionString => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public static async Task<RedisServer> StartAsync(TimeSpan maxLife)
    {
        var port = ServerProcess.FreePort();
        var start = new ProcessStartInfo("timeout",
        [
            "--signal=KILL", ((int)Math.Ceiling(maxLife.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "redis-server", "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes",
            "--maxmemory", "512mb", "--loglevel", "warning",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = ChildProcesses.Start(start, "redis-server");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[redis] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var redis = new RedisServer(process, port);
        try
        {
            await redis.WaitReadyAsync();
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }

        return redis;
    }

    public async ValueTask DisposeAsync() => await ChildProcesses.StopAsync(_process);

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(_process.ExitCode == 127
                    ? "redis-server was not found on the PATH (Debian: apt-get install redis-server)."
                    : $"redis-server exited with code {_process.ExitCode}.");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("redis-server did not answer PING within 20 s.");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
