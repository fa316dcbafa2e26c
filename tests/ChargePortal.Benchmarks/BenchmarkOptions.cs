using System.Globalization;

namespace ChargePortal.Benchmarks;

public enum Target
{
    Baseline,
    ChargePortal,
}

public sealed record BenchmarkOptions(IReadOnlyList<int> StationCounts, double Rate, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<Target> Targets, int ConnectConcurrency)
{
    public const string Usage = """
        usage: ChargePortal.Benchmarks [--stations 1000[,5000,...]] [--rate 1] [--duration 30] [--warmup 10]
                                       [--targets baseline,chargeportal] [--connect-concurrency 100]
        """;

    public static BenchmarkOptions? Parse(string[] args)
    {
        var stations = new List<int> { 1000 };
        var rate = 1.0;
        var duration = 30;
        var warmup = 10;
        var connect = 100;
        var targets = new List<Target> { Target.Baseline, Target.ChargePortal };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--stations" when value is not null:
                    stations = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))];
                    i++;
                    break;
                case "--rate" when value is not null:
                    rate = double.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--duration" when value is not null:
                    duration = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--warmup" when value is not null:
                    warmup = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--connect-concurrency" when value is not null:
                    connect = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--targets" when value is not null:
                    targets = [.. value.Split(',').Select(v => Enum.Parse<Target>(v, ignoreCase: true))];
                    i++;
                    break;
                default:
                    return null;
            }
        }

        // Bounded by design: a benchmark must stop by itself.
        return stations.All(s => s is > 0 and <= 20_000) && rate is > 0 and <= 20 && duration is > 0 and <= 600
            ? new BenchmarkOptions(stations, rate, TimeSpan.FromSeconds(duration), TimeSpan.FromSeconds(warmup), targets, connect)
            : null;
    }
}
