using System.Globalization;
using System.Text;

namespace ChargePortal.Benchmarks;

public static class Report
{
    public static string Markdown(IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| Stations | Server | Held | Errors | msg/s | p50 ms | p95 ms | p99 ms | RSS MiB | Throughput vs baseline |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var baseline = results.FirstOrDefault(b => b.Target == Target.Baseline && b.Stations == r.Stations);
            var ratio = r.Target == Target.Baseline || baseline is null || baseline.MessagesPerSecond == 0
                ? "1.00 (baseline)"
                : (r.MessagesPerSecond / baseline.MessagesPerSecond).ToString("0.00", CultureInfo.InvariantCulture);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Stations} | {r.Target} | {r.Held} | {r.Errors} | {r.MessagesPerSecond:0} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} | {r.RssMiB:0} (peak {r.PeakRssMiB:0}) | {ratio} |"));
        }

        return text.ToString();
    }
}
