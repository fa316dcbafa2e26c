using System.Runtime.InteropServices;

namespace ChargePortal.Benchmarks;

/// <summary>
/// Raises this process's open-file limit (RLIMIT_NOFILE) for a fleet of tens of thousands of sockets: every station is
/// one descriptor here and one in the server. The servers the benchmark starts inherit the limit (and the .NET runtime
/// lifts its soft limit to the hard one at start). Only the benchmark does this; the product's defaults are untouched:
/// a deployment sets its own limit (systemd's LimitNOFILE, Docker's --ulimit nofile).
/// </summary>
internal static partial class FileDescriptorLimit
{
    private const int RlimitNofile = 7; // Linux x86-64 and arm64

    /// <summary>
    /// Asks for <paramref name="wanted"/> descriptors (raising the hard limit needs root or CAP_SYS_RESOURCE; otherwise
    /// the soft limit goes up to the hard one). Returns the soft limit now in force, or null off Linux.
    /// </summary>
    public static ulong? Raise(ulong wanted)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        if (GetRLimit(RlimitNofile, out var current) != 0)
        {
            return null;
        }

        if (current.Current >= wanted)
        {
            return current.Current;
        }

        var raised = new RLimit { Current = wanted, Maximum = Math.Max(wanted, current.Maximum) };
        if (SetRLimit(RlimitNofile, in raised) != 0)
        {
            // Not privileged: as far as the hard limit allows.
            var soft = new RLimit { Current = current.Maximum, Maximum = current.Maximum };
            _ = SetRLimit(RlimitNofile, in soft);
        }

        return GetRLimit(RlimitNofile, out var now) == 0 ? now.Current : null;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRLimit(int resource, in RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
