using System.Globalization;
using System.Text;

namespace ChargePortal.Benchmarks;

public static class Report
{
    /// <summary>One markdown table for the README: every run, with the baseline of the same station count to compare.</summary>
    public static string Markdown(IReadOnlyList<RunResult> results, BenchDatabase database = BenchDatabase.Sqlite)
    {
        var commands = results.Any(r => r.Commands is not null);
        var text = new StringBuilder();
        text.Append("| Stations | Server | Nodes | Held | Errors | msg/s | p50 ms | p95 ms | p99 ms | RSS MiB per node (peak) | Throughput vs baseline |");
        text.AppendLine(commands ? " Command p50 / p99 ms, holding node | Same, other node (via Redis) | Routing adds p50 / p99 ms |" : "");
        text.Append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        text.AppendLine(commands ? "---:|---:|---:|" : "");
        foreach (var r in results)
        {
            var baseline = results.FirstOrDefault(b => b.Target == Target.Baseline && b.Stations == r.Stations);
            var ratio = r.Target == Target.Baseline ? "1.00 (baseline)"
                : baseline is null || baseline.MessagesPerSecond == 0 ? "–"
                : (r.MessagesPerSecond / baseline.MessagesPerSecond).ToString("0.00", CultureInfo.InvariantCulture);
            var memory = string.Join(" + ", r.Memory.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.RssMiB:0} ({m.PeakMiB:0})")));
            text.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Stations} | {ServerName(r.Target, database)} | {r.Nodes} | {r.Held} | {r.Errors} | {r.MessagesPerSecond:0} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {memory} | {ratio} |"));
            if (commands)
            {
                text.Append(r.Commands is { } c ? $" {c.Local} | {c.RoutedText} | {c.Added} |" : " – | – | – |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    internal static string ServerName(Target target, BenchDatabase database) =>
        target == Target.ChargePortal && database == BenchDatabase.Postgres ? "ChargePortal on PostgreSQL" : target.ToString();
}
