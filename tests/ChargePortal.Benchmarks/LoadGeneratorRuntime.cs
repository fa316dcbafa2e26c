using System.Runtime;

namespace ChargePortal.Benchmarks;

/// <summary>
/// Keeps the load generator's own overhead out of what it measures: it shares the machine's cores with the server,
/// and every pause of the generator shows up as server latency.
/// </summary>
internal static class LoadGeneratorRuntime
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    // The measured window allocates a few MiB (latency samples, the odd command); far more than that fits.
    private const long NoCollectionBudget = 200L * 1024 * 1024;

    /// <summary>
    /// Socket operations complete on the socket engine's thread instead of a thread-pool hop per frame: the receive
    /// path only reads a frame's header and records a latency, and fewer context switches leave more of the cores to
    /// the server. Must run before this process opens its first socket (the runtime reads the setting once); servers
    /// it starts run with their own settings.
    /// </summary>
    public static void CompleteSocketsInline() => Environment.SetEnvironmentVariable(InlineCompletions, "1");

    /// <summary>
    /// No garbage collection in the generator while measuring. With ten thousand sockets on its heap, one gen-0
    /// collection paused every simulated station for 50-90 ms, a few times per run: enough to make the generator's
    /// pauses, not the server, the 99th percentile. Disposing ends the region (a collection that happened anyway
    /// because the budget ran out has ended it already).
    /// </summary>
    public static IDisposable PauseCollections()
    {
        try
        {
            return GC.TryStartNoGCRegion(NoCollectionBudget) ? new Region() : NoRegion.Instance;
        }
        catch (ArgumentOutOfRangeException)
        {
            // The budget exceeds what this GC configuration allows: measure with collections.
            return NoRegion.Instance;
        }
    }

    /// <summary>The machine's load averages (1, 5, 15 min), printed with every run: the machine is shared.</summary>
    public static string MachineLoad()
    {
        try
        {
            return "load " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "load unknown";
        }
    }

    private sealed class Region : IDisposable
    {
        public void Dispose()
        {
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }

    private sealed class NoRegion : IDisposable
    {
        public static readonly NoRegion Instance = new();

        public void Dispose()
        {
        }
    }
}
