using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ChargePortal.Benchmarks;

/// <summary>
/// A private PostgreSQL for one run: a fresh cluster (initdb) in a temp folder, 127.0.0.1 on a free port, run under
/// coreutils <c>timeout</c> so that it dies after <c>maxLife</c> even if the benchmark itself is killed. PostgreSQL
/// refuses to run as root: as root the cluster runs as the <c>postgres</c> account the Debian package creates.
/// Commits do not wait for their WAL flush (<c>synchronous_commit=off</c>): crash-safe but may lose the last commits,
/// the same trade the SQLite runs make with <c>synchronous=NORMAL</c>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private PostgresServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The nodes' connection string; the first node's start-up migration creates the database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=chargeportal;Database=chargeportal";

    public static async Task<PostgresServer> StartAsync(TimeSpan maxLife)
    {
        var bin = BinDirectory();
        var directory = Directory.CreateTempSubdirectory("chargeportal-bench-pg-").FullName;

        // The postgres account must reach the folder (CreateTempSubdirectory makes it 0700 for the current user).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        await RunAsync(AsPostgres(Path.Combine(bin, "initdb"), "-D", Path.Combine(directory, "data"), "-U", "chargeportal", "--auth=trust", "-E", "UTF8", "--no-sync"));

        var port = ServerProcess.FreePort();
        string[] server =
        [
            "--signal=KILL", ((int)Math.Ceiling(maxLife.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            .. AsPostgres(Path.Combine(bin, "postgres"), "-D", Path.Combine(directory, "data"), "-h", "127.0.0.1",
                "-p", port.ToString(CultureInfo.InvariantCulture), "-k", directory,
                "-c", "max_connections=300", "-c", "synchronous_commit=off", "-c", "shared_buffers=256MB"),
        ];
        var start = new ProcessStartInfo("timeout", server) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = ChildProcesses.Start(start, "postgres");
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) => { }; // its log lines (checkpoints) are not the benchmark's output
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var postgres = new PostgresServer(process, directory, port);
        try
        {
            await postgres.WaitReadyAsync();
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        return postgres;
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.StopAsync(_process);
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the temp cleaner.
        }
    }

    /// <summary>The newest Debian PostgreSQL (/usr/lib/postgresql/N/bin), or CHARGEPORTAL_PG_BIN.</summary>
    private static string BinDirectory()
    {
        if (Environment.GetEnvironmentVariable("CHARGEPORTAL_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0).FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL was not found under /usr/lib/postgresql (Debian: apt-get install postgresql); or set CHARGEPORTAL_PG_BIN to its bin folder.");
    }

    private static string[] AsPostgres(params string[] command) =>
        Environment.IsPrivilegedProcess ? ["runuser", "-u", "postgres", "--", .. command] : command;

    private static async Task RunAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + command[0]);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var probe = $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=chargeportal;Database=postgres;Pooling=false;Timeout=2";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with code {_process.ExitCode}.");
            }

            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException("PostgreSQL did not accept connections within 60 s.");
    }
}
