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

    /// <summary>
    /// Why <paramref name="stations"/> cannot run under the <paramref name="limit"/> in force, or null when they can.
    /// Checked before anything starts: past the limit the servers cannot accept (the do-nothing baseline even dies),
    /// which would otherwise show up minutes into a run as failed connects.
    /// </summary>
    public static string? Shortfall(ulong? limit, int stations) =>
        limit is { } l && (ulong)stations + Headroom > l
            ? $"--stations {stations} needs about {(ulong)stations + Headroom} open files in this process and in the server, but the limit here is {l}: "
                + "it is the hard limit of RLIMIT_NOFILE, which only a process with CAP_SYS_RESOURCE can raise (`ulimit -Hn` as root, LimitNOFILE= in a systemd unit, --ulimit nofile= for Docker). "
                + $"At most {l - Headroom} stations can run on this machine."
            : null;

    // Descriptors a process needs besides its stations: the runtime, the database files and connections, logs, pipes.
    private const ulong Headroom = 500;

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
