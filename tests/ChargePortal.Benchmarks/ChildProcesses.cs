using System.Diagnostics;

namespace ChargePortal.Benchmarks;

/// <summary>
/// Every process the benchmark starts (servers, Redis), killed when the benchmark exits however it exits — normally,
/// on Ctrl+C or on SIGTERM — so no server outlives a run.
/// </summary>
internal static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly List<Process> Running = [];

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    public static Process Start(ProcessStartInfo start, string name)
    {
        lock (Gate)
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + name);
            Running.Add(process);
            return process;
        }
    }

    /// <summary>Kills the process and its children and waits for it to go.</summary>
    public static async Task StopAsync(Process process)
    {
        lock (Gate)
        {
            Running.Remove(process);
        }

        Kill(process);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static void KillAll()
    {
        lock (Gate)
        {
            foreach (var process in Running)
            {
                Kill(process);
            }

            Running.Clear();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
